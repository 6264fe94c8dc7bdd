using Payguru.Provider.Wire;

namespace Payguru.Sandbox.Refunds;

/// <summary>
/// One refund as Payguru keeps it. Immutable: a status change replaces it in the
/// <see cref="RefundBook"/>, so readers never see half an update.
/// </summary>
public sealed record Refund(
    long Id,
    string MerchantId,
    string MerchantName,
    string ServiceCode,
    long ServiceId,
    long Txid,
    string PayguruCode,
    string Order,
    string Amount,
    string Contact,
    string Iban,
    int Status,
    string CreateTime,
    string? UpdateTime = null,
    string? RefundTime = null,
    string? Description = null,
    RefundBank? Bank = null)
{
    /// <summary>New: nothing done yet.</summary>
    public const int New = 1;

    /// <summary>Updated, not yet paid back.</summary>
    public const int Updated = 2;

    /// <summary>Paid back: refund time and bank fields are filled.</summary>
    public const int Paid = 3;

    /// <summary>The refund as <c>/phs/refund/get</c> shows it.</summary>
    public RefundDetail ToDetail() => new()
    {
        Id = Id,
        MerchantName = MerchantName,
        MerchantId = long.TryParse(MerchantId, out var merchantId) ? merchantId : null,
        ServiceName = ServiceCode,
        ServiceId = ServiceId,
        TransactionId = Txid,
        Status = Status,
        CreateTime = CreateTime,
        UpdateTime = UpdateTime,
        RefundTime = RefundTime,
        Amount = Amount,
        Description = Description,
        RefundContact = Contact,
        RefundIban = Iban,
        BankId = Bank?.Id,
        BankName = Bank?.Name,
        BankCode = Bank?.Code,
        BankReceiptNo = Bank?.ReceiptNo,
    };

    // The contact and the IBAN are personal data: keep them out of logs.
    public override string ToString() => $"refund {Id} (order {Order}, status {Status}, amount {Amount})";
}
