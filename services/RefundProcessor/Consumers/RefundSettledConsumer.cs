using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Consumers;

/// <summary>
/// Records Payguru's report of a refund (from its notification or from reconciliation). A status
/// never moves backwards: a report of a lower or equal status than the recorded one changes nothing.
/// </summary>
public sealed class RefundSettledConsumer(
    UnitOfWork unitOfWork,
    RefundStore refunds,
    AfterCommitActions afterCommit,
    ProcessorMetrics metrics,
    ILogger<RefundSettledConsumer> logger) : IConsumer<RefundSettled>
{
    public async Task Consume(ConsumeContext<RefundSettled> context)
    {
        var message = context.Message;
        if (await refunds.TryRecordResultAsync(unitOfWork.Transaction, RefundResults.From(message)))
        {
            afterCommit.Add(_ =>
            {
                metrics.RefundSettled(message.Status);
                return Task.CompletedTask;
            });
            logger.LogInformation("Refund {RefundId} (order {Order}) is at status {Status}", message.RefundId, message.Order, message.Status);
        }
        else
        {
            logger.LogInformation("Refund {RefundId}: status {Status} is not newer than the recorded one; ignored", message.RefundId, message.Status);
        }
    }
}
