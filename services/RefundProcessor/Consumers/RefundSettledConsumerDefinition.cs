using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Consumes from the queue the gateway binds, so refund results queued before the processor ever ran are consumed.</summary>
public sealed class RefundSettledConsumerDefinition : ConsumerDefinition<RefundSettledConsumer>
{
    public RefundSettledConsumerDefinition() => EndpointName = ProcessorQueues.RefundResults;
}
