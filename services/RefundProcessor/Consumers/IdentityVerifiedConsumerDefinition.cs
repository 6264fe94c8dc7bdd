using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Consumes from the queue the gateway binds, so reports queued before the processor ever ran are consumed.</summary>
public sealed class IdentityVerifiedConsumerDefinition : ConsumerDefinition<IdentityVerifiedConsumer>
{
    public IdentityVerifiedConsumerDefinition() => EndpointName = ProcessorQueues.IdentityResults;
}
