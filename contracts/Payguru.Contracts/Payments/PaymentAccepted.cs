namespace Payguru.Contracts.Payments;

/// <summary>
/// Payguru accepted a payment: a payment notification with status 3 whose key was verified.
/// The message id is derived from <see cref="Txid"/> and <see cref="Status"/>, so a repeated
/// notification carries the same id.
/// </summary>
/// <param name="Txid">Payguru transaction id.</param>
/// <param name="PayguruCode">Payguru's order code (the Payguru reference).</param>
/// <param name="Order">The merchant's own order reference.</param>
/// <param name="Amount">The amount, parsed from <paramref name="AmountText"/>.</param>
/// <param name="AmountText">The amount exactly as Payguru sent it (the key is computed from this text).</param>
/// <param name="Status">Payguru transaction status (3 for an accepted payment).</param>
/// <param name="TransactionTime">When the transaction happened, in Turkey time (+03:00).</param>
/// <param name="Bank">Bank code.</param>
/// <param name="ServiceCode">The Payguru service whose key matched.</param>
public sealed record PaymentAccepted(
    long Txid,
    string PayguruCode,
    string Order,
    decimal Amount,
    string AmountText,
    int Status,
    DateTimeOffset TransactionTime,
    string Bank,
    string ServiceCode);
