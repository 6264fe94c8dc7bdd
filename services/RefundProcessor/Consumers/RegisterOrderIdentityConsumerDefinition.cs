using MassTransit;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// A command that fails on every attempt goes to the _error queue without a published <c>Fault&lt;RegisterOrderIdentity&gt;</c>:
/// a fault carries the command, TCKN and all, to whoever subscribes to faults.
/// </summary>
public sealed class RegisterOrderIdentityConsumerDefinition : ConsumerDefinition<RegisterOrderIdentityConsumer>
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RegisterOrderIdentityConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.PublishFaults = false;
}
