namespace Payguru.Contracts.Identity;

/// <summary>Where the RefundProcessor takes identity commands and requests.</summary>
public static class IdentityEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RegisterOrderIdentity"/>. Publish the command with its exchange bound to this queue
    /// (of the processor's <c>RabbitMq:QueueType</c>), and it is queued even before the processor first started;
    /// sending to <c>queue:refund-processor-identities</c> works only while the queues are classic.
    /// </summary>
    public const string RegisterQueue = "refund-processor-identities";

    /// <summary>The queue of <see cref="GetIdentityAnswer"/> requests.</summary>
    public const string QueriesQueue = "refund-processor-identity-queries";
}
