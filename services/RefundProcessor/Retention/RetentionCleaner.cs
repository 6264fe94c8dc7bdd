using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Retention;

/// <summary>
/// Keeps the inbox and the sent outbox messages from growing without end. Deleting by age is
/// idempotent, so every instance may run it; unsent outbox messages are never touched.
/// </summary>
public sealed class RetentionCleaner(
    IDbConnectionFactory connections,
    InboxStore inbox,
    OutboxStore outbox,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionCleaner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CleanOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Retention cleaning failed; trying again in {Interval}", settings.Interval);
            }

            try
            {
                await Task.Delay(settings.Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <returns>How many inbox records and sent outbox messages were deleted.</returns>
    public async Task<(int Inbox, int SentOutbox)> CleanOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        int inboxDeleted;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            inboxDeleted = await inbox.DeleteReceivedBeforeAsync(connection, now - settings.Inbox);
        }

        var outboxDeleted = await outbox.DeleteSentBeforeAsync(now - settings.SentOutbox, cancellationToken);
        if (inboxDeleted + outboxDeleted > 0)
        {
            logger.LogInformation(
                "Retention: deleted {Inbox} inbox record(s) older than {InboxRetention} and {Outbox} sent outbox message(s) older than {OutboxRetention}",
                inboxDeleted, settings.Inbox, outboxDeleted, settings.SentOutbox);
        }

        return (inboxDeleted, outboxDeleted);
    }
}
