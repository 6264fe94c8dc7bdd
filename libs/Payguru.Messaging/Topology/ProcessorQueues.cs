using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.Messaging.Topology;

/// <summary>
/// The RefundProcessor's queues. The gateway declares and binds them too, so that a message
/// it publishes is queued even on a fresh broker where the processor has never started.
/// </summary>
public static class ProcessorQueues
{
    /// <summary>Payment events: <c>PaymentAccepted</c>, <c>PaymentStatusReported</c>.</summary>
    public const string Payments = "refund-processor-payments";

    /// <summary>Refund commands: <c>RequestRefund</c>.</summary>
    public const string Refunds = RefundEndpoints.RequestRefundQueue;

    /// <summary>Refund results: <c>RefundSettled</c> from the gateway's refund notifications.</summary>
    public const string RefundResults = "refund-processor-refund-results";

    /// <summary>Read-only requests answered by the processor: <c>GetRefund</c>. No inbox: they change nothing.</summary>
    public const string Queries = RefundEndpoints.QueriesQueue;

    /// <summary>Sub-merchant commands: <c>RegisterSubMerchant</c>.</summary>
    public const string SubMerchants = PaywallEndpoints.SubMerchantsQueue;

    /// <summary>Client token requests: <c>IssueClientToken</c>. No inbox: nothing of ours changes.</summary>
    public const string ClientTokens = PaywallEndpoints.ClientTokensQueue;

    /// <summary>Identity commands: <c>RegisterOrderIdentity</c>.</summary>
    public const string Identities = IdentityEndpoints.RegisterQueue;

    /// <summary>Payguru's identity-check reports: <c>IdentityVerified</c>, <c>IdentityVerificationFailed</c> from the gateway.</summary>
    public const string IdentityResults = "refund-processor-identity-results";

    /// <summary>Read-only identity requests from the gateway: <c>GetIdentityAnswer</c>. No inbox.</summary>
    public const string IdentityQueries = IdentityEndpoints.QueriesQueue;
}
