using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Hosting;
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
    ILogger<RetentionCleaner> logger) : PeriodicService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CleanOnceAsync(cancellationToken);

    /// <returns>How many inbox records and sent outbox messages were deleted.</returns>
    public async Task<(int Inbox, int SentOutbox)> CleanOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Clock.GetUtcNow();
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
