using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Consumes from the queue the gateway binds, so payments queued before the processor ever ran are consumed.</summary>
public sealed class PaymentAcceptedConsumerDefinition : ConsumerDefinition<PaymentAcceptedConsumer>
{
    public PaymentAcceptedConsumerDefinition() => EndpointName = ProcessorQueues.Payments;
}
