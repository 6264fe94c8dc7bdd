namespace Payguru.Contracts.Refunds;

/// <summary>Response to <see cref="GetRefund"/>: no refund was requested with this id.</summary>
public sealed record RefundNotFound(Guid RefundRequestId);
