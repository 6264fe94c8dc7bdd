using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Shares the payments queue the gateway binds for every payment notification.</summary>
public sealed class PaymentStatusReportedConsumerDefinition : ConsumerDefinition<PaymentStatusReportedConsumer>
{
    public PaymentStatusReportedConsumerDefinition() => EndpointName = ProcessorQueues.Payments;
}
