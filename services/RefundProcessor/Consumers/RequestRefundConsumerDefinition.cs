using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Consumes the queue senders address (<c>queue:refund-processor-refunds</c>); publishers reach it through its binding.</summary>
public sealed class RequestRefundConsumerDefinition : ConsumerDefinition<RequestRefundConsumer>
{
    public RequestRefundConsumerDefinition() => EndpointName = ProcessorQueues.Refunds;
}
