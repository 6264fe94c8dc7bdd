using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Refunds;
using Payguru.Messaging.Topology;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// Stands in for the refund processor's query consumer on <c>refund-processor-queries</c>:
/// answers <see cref="GetRefund"/> with the <see cref="RefundState"/> it knows, or <see cref="RefundNotFound"/>.
/// </summary>
public sealed class RefundQueryResponder(KnownRefunds known) : IConsumer<GetRefund>
{
    /// <summary>Adds the responder on the processor's query queue, answering from <paramref name="known"/>.</summary>
    public static Action<IBusRegistrationConfigurator> On(KnownRefunds known) => bus =>
    {
        bus.AddSingleton(known);
        bus.AddConsumer<RefundQueryResponder>().Endpoint(e => e.Name = ProcessorQueues.Queries);
    };

    public async Task Consume(ConsumeContext<GetRefund> context)
    {
        known.CountQuery();
        if (known.Find(context.Message.RefundRequestId) is { } state)
        {
            await context.RespondAsync(state);
        }
        else
        {
            await context.RespondAsync(new RefundNotFound(context.Message.RefundRequestId));
        }
    }
}
