using MassTransit;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// A test-only consumer that changes no state but publishes, as real consumers do: through the outbox, or the
/// MassTransit way (<c>context.Publish</c> with a message id), which must land in the outbox all the same.
/// </summary>
public sealed class OutboxPublishingConsumer(PendingMessages outbox) : IConsumer<PublishThroughOutbox>
{
    public async Task Consume(ConsumeContext<PublishThroughOutbox> context)
    {
        var command = context.Message;
        var report = new PaymentStatusReported(
            command.Txid, "PG-OUTBOX", "order-outbox", 1.25m, "1.25", 7,
            new DateTimeOffset(2025, 5, 30, 10, 0, 0, TimeSpan.FromHours(3)), "0010", "svc-outbox");
        if (command.ThroughContext)
        {
            await context.Publish(report, publish => publish.MessageId = command.ReportMessageId);
        }
        else
        {
            outbox.Publish(report, command.ReportMessageId);
        }

        if (command.FailAfterPublishing)
        {
            throw new InvalidOperationException("the consumer failed after publishing");
        }
    }
}
