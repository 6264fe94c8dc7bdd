using MassTransit;
using Payguru.Contracts.Payments;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>PaymentAcceptedConsumer</c>: the payment becomes what the order's refunds are checked against.</summary>
public sealed class PaymentAcceptedStandIn(PayguruStandIn standIn) : IConsumer<PaymentAccepted>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<PaymentAccepted> context)
    {
        standIn.Record(context.Message);
        return Task.CompletedTask;
    }
}
