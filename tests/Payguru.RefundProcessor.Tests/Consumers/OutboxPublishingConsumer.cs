using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>A test-only consumer that changes no state but publishes through the outbox, as real consumers will.</summary>
public sealed class OutboxPublishingConsumer(PendingMessages outbox) : IConsumer<PublishThroughOutbox>
{
    public Task Consume(ConsumeContext<PublishThroughOutbox> context)
    {
        var command = context.Message;
        outbox.Publish(
            new PaymentStatusReported(
                command.Txid, "PG-OUTBOX", "order-outbox", 1.25m, "1.25", 7,
                new DateTimeOffset(2025, 5, 30, 10, 0, 0, TimeSpan.FromHours(3)), "0010", "svc-outbox"),
            command.ReportMessageId);
        return command.FailAfterPublishing
            ? throw new InvalidOperationException("the consumer failed after publishing")
            : Task.CompletedTask;
    }
}
