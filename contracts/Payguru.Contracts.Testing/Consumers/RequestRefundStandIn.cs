using MassTransit;
using Payguru.Contracts.Refunds;

namespace Payguru.Contracts.Testing.Consumers;

/// <summary>The processor's <c>RequestRefundConsumer</c> and the provider's <c>refund/create</c>: publishes <see cref="RefundSubmitted"/> or <see cref="RefundRejected"/> with the processor's message id.</summary>
public sealed class RequestRefundStandIn(PayguruStandIn standIn) : IConsumer<RequestRefund>
{
    /// <inheritdoc />
    public Task Consume(ConsumeContext<RequestRefund> context)
    {
        var outcome = standIn.Decide(context.Message);
        return context.Publish(outcome.Message, outcome.Message.GetType(), c => c.MessageId = outcome.MessageId, context.CancellationToken);
    }
}
