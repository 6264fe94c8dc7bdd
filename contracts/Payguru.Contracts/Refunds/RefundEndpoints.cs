namespace Payguru.Contracts.Refunds;

/// <summary>Where the RefundProcessor takes refund commands and queries.</summary>
public static class RefundEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RequestRefund"/>. Sending to <c>queue:refund-processor-refunds</c>
    /// queues the command even before the processor first started.
    /// </summary>
    public const string RequestRefundQueue = "refund-processor-refunds";

    /// <summary>The queue of <see cref="GetRefund"/> requests.</summary>
    public const string QueriesQueue = "refund-processor-queries";
}
