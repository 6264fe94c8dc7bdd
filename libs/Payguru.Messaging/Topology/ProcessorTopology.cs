using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Topology;

/// <summary>
/// Which message the RefundProcessor takes on which queue, and how (<see cref="EndpointHandling"/>). The processor
/// names its endpoints and applies its transactional filter from it; publishers bind their messages' queues from it.
/// </summary>
public static class ProcessorTopology
{
    public static IReadOnlyList<ProcessorEndpoint> Endpoints { get; } =
    [
        new(ProcessorQueues.Payments, EndpointHandling.GroupCommitted, [ProcessorMessage.Of<PaymentAccepted>(), ProcessorMessage.Of<PaymentStatusReported>()]),
        new(ProcessorQueues.Refunds, EndpointHandling.GroupCommitted, [ProcessorMessage.Of<RequestRefund>()]),
        new(ProcessorQueues.RefundResults, EndpointHandling.GroupCommitted, [ProcessorMessage.Of<RefundSettled>()]),
        new(ProcessorQueues.SubMerchants, EndpointHandling.Transactional, [ProcessorMessage.Of<RegisterSubMerchant>()]),
        new(ProcessorQueues.Identities, EndpointHandling.Transactional, [ProcessorMessage.Of<RegisterOrderIdentity>()]),
        new(ProcessorQueues.IdentityResults, EndpointHandling.Transactional, [ProcessorMessage.Of<IdentityVerified>(), ProcessorMessage.Of<IdentityVerificationFailed>()]),
        new(ProcessorQueues.Queries, EndpointHandling.Query, [ProcessorMessage.Of<GetRefund>()]),
        new(ProcessorQueues.ClientTokens, EndpointHandling.Query, [ProcessorMessage.Of<IssueClientToken>()]),
        new(ProcessorQueues.IdentityQueries, EndpointHandling.Query, [ProcessorMessage.Of<GetIdentityAnswer>()]),
    ];

    public static ProcessorEndpoint? EndpointOf(Type messageType) =>
        Endpoints.SingleOrDefault(endpoint => endpoint.Messages.Any(message => message.Type == messageType));

    /// <summary>A queue not in the table (a test's own consumer) is transactional: an unknown consumer may change state.</summary>
    public static bool IsTransactional(string queue) => EndpointOn(queue)?.IsTransactional ?? true;

    public static bool IsGroupCommitted(string queue) => EndpointOn(queue)?.IsGroupCommitted ?? false;

    /// <summary>
    /// The processor's prefetch on its group-committed endpoints unless <c>GroupCommit:PrefetchCount</c> says
    /// otherwise; the benches' plain consumers take it too, so that their queues are of the same kind.
    /// </summary>
    public const int GroupCommittedPrefetch = 64;

    /// <summary>
    /// For a publisher: a message published before the processor ever started waits in its queue. A binding takes
    /// effect with the first publish of its message type, so types this bus never publishes declare nothing.
    /// </summary>
    public static void BindProcessorQueues(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqQueueType queueType)
    {
        foreach (var endpoint in Endpoints.Where(e => e.IsTransactional))
        {
            foreach (var message in endpoint.Messages)
            {
                message.BindDurableQueue(cfg, endpoint.Queue, queueType);
            }
        }
    }

    static ProcessorEndpoint? EndpointOn(string queue) => Endpoints.SingleOrDefault(endpoint => endpoint.Queue == queue);
}
