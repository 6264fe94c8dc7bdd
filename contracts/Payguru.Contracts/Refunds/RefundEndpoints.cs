namespace Payguru.Contracts.Refunds;

/// <summary>Where the RefundProcessor takes refund commands and queries.</summary>
public static class RefundEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RequestRefund"/>. Publish the command with its exchange bound to this queue
    /// (of the processor's <c>RabbitMq:QueueType</c>), and it is queued even before the processor first started;
    /// sending to <c>queue:refund-processor-refunds</c> works only while the queues are classic.
    /// </summary>
    public const string RequestRefundQueue = "refund-processor-refunds";

    /// <summary>The queue of <see cref="GetRefund"/> requests.</summary>
    public const string QueriesQueue = "refund-processor-queries";
}
