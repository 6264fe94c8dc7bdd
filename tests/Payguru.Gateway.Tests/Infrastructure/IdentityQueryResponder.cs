using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Identity;
using Payguru.Messaging.Topology;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for the refund processor's identity query consumer on <c>refund-processor-identity-queries</c>:
/// answers <see cref="GetIdentityAnswer"/> with the hash it knows, or <see cref="IdentityAnswerNotFound"/>.
/// </summary>
public sealed class IdentityQueryResponder(KnownIdentities known) : IConsumer<GetIdentityAnswer>
{
    /// <summary>Adds the responder on the processor's identity query queue, answering from <paramref name="known"/>.</summary>
    public static Action<IBusRegistrationConfigurator> On(KnownIdentities known) => bus =>
    {
        bus.AddSingleton(known);
        bus.AddConsumer<IdentityQueryResponder>().Endpoint(e => e.Name = ProcessorQueues.IdentityQueries);
    };

    public async Task Consume(ConsumeContext<GetIdentityAnswer> context)
    {
        var request = context.Message;
        if (known.Find(request) is { } hash)
        {
            await context.RespondAsync(new IdentityAnswer(request.Order, request.ServiceCode, hash));
        }
        else
        {
            await context.RespondAsync(new IdentityAnswerNotFound(request.Order, request.ServiceCode));
        }
    }
}
