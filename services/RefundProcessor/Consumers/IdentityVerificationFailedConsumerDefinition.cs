using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Shares the identity-results queue the gateway binds for both outcomes of Payguru's check.</summary>
public sealed class IdentityVerificationFailedConsumerDefinition : ConsumerDefinition<IdentityVerificationFailedConsumer>
{
    public IdentityVerificationFailedConsumerDefinition() => EndpointName = ProcessorQueues.IdentityResults;
}
