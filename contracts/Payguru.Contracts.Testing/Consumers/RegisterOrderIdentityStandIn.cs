using MassTransit;
using Payguru.Contracts.Identity;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>RegisterOrderIdentityConsumer</c>: publishes <see cref="OrderIdentityRegistered"/> or <see cref="OrderIdentityRejected"/>.</summary>
public sealed class RegisterOrderIdentityStandIn(PayguruStandIn standIn) : IConsumer<RegisterOrderIdentity>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RegisterOrderIdentity> context)
    {
        var outcome = standIn.Register(context.Message);
        return context.Publish(outcome, outcome.GetType(), context.CancellationToken);
    }
}
