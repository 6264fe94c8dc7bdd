using MassTransit;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>A test-only consumer that publishes the MassTransit way, <c>context.Publish</c> with a message id, instead of through the outbox.</summary>
public sealed class ContextPublishingConsumer : IConsumer<PublishThroughContext>
{
    public async Task Consume(ConsumeContext<PublishThroughContext> context)
    {
        var command = context.Message;
        await context.Publish(
            new PaymentStatusReported(
                command.Txid, "PG-CONTEXT", "order-context", 2.50m, "2.50", 7,
                new DateTimeOffset(2025, 5, 30, 10, 0, 0, TimeSpan.FromHours(3)), "0010", "svc-context"),
            publish => publish.MessageId = command.ReportMessageId);
        if (command.FailAfterPublishing)
        {
            throw new InvalidOperationException("the consumer failed after publishing");
        }
    }
}
