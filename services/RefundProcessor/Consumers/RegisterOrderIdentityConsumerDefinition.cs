using MassTransit;
using Payguru.Messaging.Topology;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Consumes the queue senders address (<c>queue:refund-processor-identities</c>). A command that fails on
/// every attempt goes to the _error queue without a published <c>Fault&lt;RegisterOrderIdentity&gt;</c>:
/// a fault carries the command, TCKN and all, to whoever subscribes to faults.
/// </summary>
public sealed class RegisterOrderIdentityConsumerDefinition : ConsumerDefinition<RegisterOrderIdentityConsumer>
{
    public RegisterOrderIdentityConsumerDefinition() => EndpointName = ProcessorQueues.Identities;

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RegisterOrderIdentityConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.PublishFaults = false;
}
