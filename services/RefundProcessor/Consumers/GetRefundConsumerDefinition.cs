using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>The queue the gateway's <c>GET /refunds/{id}</c> sends its requests to.</summary>
public sealed class GetRefundConsumerDefinition : ConsumerDefinition<GetRefundConsumer>
{
    public GetRefundConsumerDefinition() => EndpointName = ProcessorQueues.Queries;
}
