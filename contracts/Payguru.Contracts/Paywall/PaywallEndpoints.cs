namespace Payguru.Contracts.Paywall;

/// <summary>Where the RefundProcessor takes Paywall commands and requests.</summary>
public static class PaywallEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RegisterSubMerchant"/>. Publish the command with its exchange bound to this queue
    /// (of the processor's <c>RabbitMq:QueueType</c>), and it is queued even before the processor first started;
    /// sending to <c>queue:refund-processor-sub-merchants</c> works only while the queues are classic.
    /// </summary>
    public const string SubMerchantsQueue = "refund-processor-sub-merchants";

    /// <summary>The queue of <see cref="IssueClientToken"/> requests (its own, so a slow Paywall holds up no refund query).</summary>
    public const string ClientTokensQueue = "refund-processor-client-tokens";
}
