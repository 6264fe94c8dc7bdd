namespace Payguru.Sandbox.Payments;

/// <summary>
/// A payment Payguru accepted (from <c>/phs/transaction/test</c> or seeded by the admin API). Every
/// value is kept as the text that travels: the notification key is signed over it.
/// </summary>
public sealed record Payment(
    long Txid,
    string MerchantId,
    string ServiceCode,
    string PayguruCode,
    string Order,
    string Amount,
    int Status,
    string TransactionDate,
    string Bank);
