namespace Payguru.Contracts.Identity;

/// <summary>Where the RefundProcessor takes identity commands and requests.</summary>
public static class IdentityEndpoints
{
    /// <summary>
    /// The durable queue of <see cref="RegisterOrderIdentity"/>. Sending to <c>queue:refund-processor-identities</c>
    /// queues the command even before the processor first started.
    /// </summary>
    public const string RegisterQueue = "refund-processor-identities";

    /// <summary>The queue of <see cref="GetIdentityAnswer"/> requests.</summary>
    public const string QueriesQueue = "refund-processor-identity-queries";
}
