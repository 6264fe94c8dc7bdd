namespace Payguru.Contracts.Refunds;

/// <summary>Response to <see cref="GetRefund"/>: where the refund stands.</summary>
/// <param name="RefundRequestId">The caller's idempotency key.</param>
/// <param name="Order">The merchant's order reference.</param>
/// <param name="Amount">The amount asked for.</param>
/// <param name="State">One of <see cref="RefundStateNames"/>.</param>
/// <param name="RefundId">Payguru's refund id, once submitted.</param>
/// <param name="ProviderStatus">Payguru's latest refund status (<see cref="RefundStatuses"/>), once reported.</param>
/// <param name="RejectionReason">The <see cref="RefundRejectionReasons"/> code, when rejected.</param>
/// <param name="RejectionMessage">Why it was rejected, when rejected.</param>
/// <param name="RequestedAt">When the processor first recorded the request.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record RefundState(
    Guid RefundRequestId,
    string Order,
    decimal Amount,
    string State,
    long? RefundId,
    int? ProviderStatus,
    string? RejectionReason,
    string? RejectionMessage,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt);
