namespace Payguru.RefundProcessor.Refunds;

/// <summary>Payguru's latest reported status of one refund (table <c>refund_results</c>).</summary>
public sealed record RefundResult(
    long RefundId,
    int Status,
    string Order,
    string Amount,
    string? BankName,
    string? BankCode,
    long? BankId,
    string? BankReceiptNo,
    DateTimeOffset? RefundTime,
    DateTimeOffset? CreateTime);
