using MassTransit;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>A test-only consumer that sends to a queue, which the outbox cannot hold back until the commit.</summary>
public sealed class QueueSendingConsumer : IConsumer<SendAroundOutbox>
{
    public async Task Consume(ConsumeContext<SendAroundOutbox> context)
    {
        var endpoint = await context.GetSendEndpoint(new Uri("queue:send-around-outbox"));
        await endpoint.Send(new PaymentStatusReported(
            context.Message.Txid, "PG-SEND", "order-send", 1m, "1.00", 7, DateTimeOffset.UnixEpoch, "0010", "svc-send"));
    }
}
