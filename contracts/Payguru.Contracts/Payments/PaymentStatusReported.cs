namespace Payguru.Contracts.Payments;

/// <summary>
/// Payguru reported a transaction with a status other than 3 (accepted). Carries the same
/// fields as <see cref="PaymentAccepted"/> so that no genuine notification is dropped.
/// </summary>
/// <param name="Txid">Payguru transaction id.</param>
/// <param name="PayguruCode">Payguru's order code (the Payguru reference).</param>
/// <param name="Order">The merchant's own order reference.</param>
/// <param name="Amount">The amount, parsed from <paramref name="AmountText"/>.</param>
/// <param name="AmountText">The amount exactly as Payguru sent it.</param>
/// <param name="Status">Payguru transaction status.</param>
/// <param name="TransactionTime">When the transaction happened, in Turkey time (+03:00).</param>
/// <param name="Bank">Bank code.</param>
/// <param name="ServiceCode">The Payguru service whose key matched.</param>
public sealed record PaymentStatusReported(
    long Txid,
    string PayguruCode,
    string Order,
    decimal Amount,
    string AmountText,
    int Status,
    DateTimeOffset TransactionTime,
    string Bank,
    string ServiceCode);
