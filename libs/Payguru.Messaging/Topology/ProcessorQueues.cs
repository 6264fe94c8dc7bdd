using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;

namespace Payguru.Messaging.Topology;

/// <summary>The RefundProcessor's queues; which message goes to which is <see cref="ProcessorTopology"/>'s table.</summary>
public static class ProcessorQueues
{
    public const string Payments = "refund-processor-payments";

    public const string Refunds = RefundEndpoints.RequestRefundQueue;

    public const string RefundResults = "refund-processor-refund-results";

    public const string Queries = RefundEndpoints.QueriesQueue;

    public const string SubMerchants = PaywallEndpoints.SubMerchantsQueue;

    public const string ClientTokens = PaywallEndpoints.ClientTokensQueue;

    public const string Identities = IdentityEndpoints.RegisterQueue;

    public const string IdentityResults = "refund-processor-identity-results";

    public const string IdentityQueries = IdentityEndpoints.QueriesQueue;
}
