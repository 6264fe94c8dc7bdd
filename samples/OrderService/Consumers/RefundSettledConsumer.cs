using MassTransit;
using Microsoft.Extensions.Logging;
using Payguru.Contracts.Refunds;

namespace OrderService.Consumers;

/// <summary>
/// Payguru reported a refund's status. The message id is derived from refund id and status, so the gateway's and
/// the processor's reports of the same status carry the same id: a service with an inbox keyed on it sees it once.
/// </summary>
public sealed class RefundSettledConsumer(ILogger<RefundSettledConsumer> logger) : IConsumer<RefundSettled>
{
    public Task Consume(ConsumeContext<RefundSettled> context)
    {
        var settled = context.Message;
        logger.LogInformation(
            "RefundSettled: Payguru refund {RefundId}, order {Order}, {Amount}, status {Status} (paid: {IsPaid}), bank {BankName}, receipt {BankReceiptNo} (message {MessageId})",
            settled.RefundId, settled.Order, settled.Amount, settled.Status, settled.IsPaid,
            settled.BankName ?? "-", settled.BankReceiptNo ?? "-", context.MessageId);
        return Task.CompletedTask;
    }
}
