using MassTransit;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Refunds;

namespace OrderService.Consumers;

/// <summary>A refund request was refused; no refund exists for it.</summary>
public sealed class RefundRejectedConsumer(ILogger<RefundRejectedConsumer> logger) : IConsumer<RefundRejected>
{
    public Task Consume(ConsumeContext<RefundRejected> context)
    {
        var rejected = context.Message;
        logger.LogWarning(
            "RefundRejected: request {RefundRequestId}, order {Order}, {Amount}: {Reason} ({ProviderCode}) {Message}",
            rejected.RefundRequestId, rejected.Order, rejected.Amount, rejected.Reason, rejected.ProviderCode ?? "-", rejected.Message);
        return Task.CompletedTask;
    }
}
