using Microsoft.Extensions.Options;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Provider.Client;
using Payguru.Provider.Wire;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Asks <c>refund/get</c> for submitted refunds without a final result once <see cref="RefundOptions.ReconcileAfter"/>
/// old, and publishes what changed as <c>RefundSettled</c> with the id the gateway gives the same report, so
/// subscribers see one event whichever path reported it.
/// </summary>
public sealed class RefundReconciler(
    RefundStore store,
    IServiceScopeFactory scopes,
    IDbConnectionFactory connections,
    OutboxWriter outbox,
    ProcessorMetrics metrics,
    IOptions<RefundOptions> options,
    TimeProvider clock,
    ILogger<RefundReconciler> logger) : PeriodicService(() => options.Value.ReconcileInterval, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => ReconcileOnceAsync(cancellationToken);

    public async Task<int> ReconcileOnceAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        var settings = options.Value;
        // A scope per pass: the HTTP client comes from the client factory, which renews handlers.
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<IPayguruRefundsApi>();
        foreach (var refundId in await store.DueForReconciliationAsync(settings.ReconcileAfter, settings.ReconcileBatchSize, cancellationToken))
        {
            try
            {
                if (await ReconcileAsync(api, refundId, cancellationToken))
                {
                    changed++;
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Reconciling refund {RefundId} failed ({Error}); asking again later", refundId, exception.Message);
            }

            await store.MarkReconciledAsync(refundId, cancellationToken);
        }

        return changed;
    }

    async Task<bool> ReconcileAsync(IPayguruRefundsApi api, long refundId, CancellationToken cancellationToken)
    {
        var answer = await api.GetAsync(refundId, cancellationToken);
        if (!answer.IsSuccess)
        {
            logger.LogWarning("refund/get of refund {RefundId} answered {Status} {Message}", refundId, answer.Status, answer.Message);
            return false;
        }

        if (answer.Data?.FirstOrDefault(r => r.Id == refundId) is not { } detail)
        {
            logger.LogWarning("refund/get does not know refund {RefundId}", refundId);
            return false;
        }

        // New (1) is where every refund starts after its create: not news.
        if (detail.Status <= RefundStatuses.New)
        {
            return false;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await store.FindByRefundIdAsync(connection, transaction, refundId) is not { } refund)
        {
            return false;
        }

        var result = RefundResults.From(detail, refund.Order);
        if (!await store.TryRecordResultAsync(transaction, result))
        {
            return false; // nothing new: the same or a later status is recorded
        }

        var message = RefundResults.ToMessage(result, refund.PayguruCode);
        await outbox.CommitAndSendAsync(transaction,
            [OutboxSerializer.Envelope(message, MessageIds.RefundSettled(refundId, detail.Status))], cancellationToken);
        metrics.RefundSettled(detail.Status);
        logger.LogInformation("Reconciliation: refund {RefundId} (order {Order}) is at status {Status}", refundId, refund.Order, detail.Status);
        return true;
    }
}
