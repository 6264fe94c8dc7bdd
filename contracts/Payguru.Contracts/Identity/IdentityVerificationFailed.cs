namespace Payguru.Contracts.Identity;

/// <summary>
/// Event: Payguru reports that the customer's identity did not match for <see cref="Order"/>
/// (<c>/TCKNVerifyService</c> with <c>notification_type=unverified</c>, key verified). The message id is
/// derived from <see cref="Txid"/> and <see cref="Order"/>, so a repeated report carries the same id.
/// The processor erases what it kept of the order's identity.
/// </summary>
/// <param name="Txid">Payguru transaction id.</param>
/// <param name="PayguruCode">Payguru's order code.</param>
/// <param name="Order">The merchant's order reference (the only field Payguru's key covers besides the keys).</param>
/// <param name="Amount">The amount, parsed from <paramref name="AmountText"/>.</param>
/// <param name="AmountText">The amount exactly as Payguru sent it.</param>
/// <param name="TransactionTime">When the transaction happened (Turkey time, +03:00), when sent.</param>
/// <param name="Bank">Bank code, when sent.</param>
/// <param name="BankNo">Bank number, when sent.</param>
/// <param name="ServiceCode">The Payguru service whose key matched.</param>
public sealed record IdentityVerificationFailed(
    long Txid,
    string PayguruCode,
    string Order,
    decimal Amount,
    string AmountText,
    DateTimeOffset? TransactionTime,
    string? Bank,
    string? BankNo,
    string ServiceCode);
