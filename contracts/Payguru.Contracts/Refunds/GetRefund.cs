namespace Payguru.Contracts.Refunds;

/// <summary>
/// Request: the state of the refund asked for by <see cref="RefundRequestId"/>. Answered with
/// <see cref="RefundState"/> or <see cref="RefundNotFound"/>.
/// </summary>
public sealed record GetRefund(Guid RefundRequestId);
