namespace Payguru.Contracts.Refunds;

/// <summary>
/// Event: Payguru created the refund asked for by <see cref="RefundRequestId"/>. Its outcome
/// follows later as <see cref="RefundSettled"/> with the same <see cref="RefundId"/>.
/// </summary>
/// <param name="RefundRequestId">The caller's idempotency key from <see cref="RequestRefund"/>.</param>
/// <param name="RefundId">Payguru's refund id.</param>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="PayguruCode">Payguru's order code, when known.</param>
/// <param name="ServiceCode">The Payguru service the refund was made under.</param>
/// <param name="Amount">The amount being paid back.</param>
/// <param name="SubmittedAt">When Payguru's answer was recorded.</param>
public sealed record RefundSubmitted(
    Guid RefundRequestId,
    long RefundId,
    string Order,
    string? PayguruCode,
    string ServiceCode,
    decimal Amount,
    DateTimeOffset SubmittedAt);
