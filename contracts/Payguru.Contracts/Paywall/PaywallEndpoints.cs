namespace Payguru.Contracts.Paywall;

/// <summary>Where the RefundProcessor takes Paywall commands and requests.</summary>
public static class PaywallEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RegisterSubMerchant"/>. Sending to <c>queue:refund-processor-sub-merchants</c>
    /// queues the command even before the processor first started.
    /// </summary>
    public const string SubMerchantsQueue = "refund-processor-sub-merchants";

    /// <summary>The queue of <see cref="IssueClientToken"/> requests (its own, so a slow Paywall holds up no refund query).</summary>
    public const string ClientTokensQueue = "refund-processor-client-tokens";
}
