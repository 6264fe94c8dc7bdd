using MassTransit;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Refunds;

namespace OrderService.Consumers;

/// <summary>Payguru created a refund; its outcome follows as <see cref="RefundSettled"/>.</summary>
public sealed class RefundSubmittedConsumer(ILogger<RefundSubmittedConsumer> logger) : IConsumer<RefundSubmitted>
{
    public Task Consume(ConsumeContext<RefundSubmitted> context)
    {
        var refund = context.Message;
        logger.LogInformation(
            "RefundSubmitted: request {RefundRequestId}, Payguru refund {RefundId}, order {Order}, {Amount} via {ServiceCode}",
            refund.RefundRequestId, refund.RefundId, refund.Order, refund.Amount, refund.ServiceCode);
        return Task.CompletedTask;
    }
}
