namespace Payguru.Contracts.Refunds;

/// <summary>
/// Event: the refund asked for by <see cref="RefundRequestId"/> was refused, and no refund exists
/// for it at Payguru.
/// </summary>
/// <param name="RefundRequestId">The caller's idempotency key from <see cref="RequestRefund"/>.</param>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="Amount">The amount asked for.</param>
/// <param name="Reason">A code from <see cref="RefundRejectionReasons"/>.</param>
/// <param name="Message">A human explanation; never contains the IBAN or the contact name.</param>
/// <param name="ProviderCode">Payguru's error code (e.g. <c>ERR_005</c>) when Payguru refused it.</param>
/// <param name="RejectedAt">When the refusal was recorded.</param>
public sealed record RefundRejected(
    Guid RefundRequestId,
    string Order,
    decimal Amount,
    string Reason,
    string Message,
    string? ProviderCode,
    DateTimeOffset RejectedAt);
