using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>Consumes the queue senders address (<c>queue:refund-processor-sub-merchants</c>).</summary>
public sealed class RegisterSubMerchantConsumerDefinition : ConsumerDefinition<RegisterSubMerchantConsumer>
{
    public RegisterSubMerchantConsumerDefinition() => EndpointName = ProcessorQueues.SubMerchants;
}
