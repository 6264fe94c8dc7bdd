using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Retention;

/// <summary>
/// Keeps the inbox and the sent outbox messages from growing without end, and keeps no identity hash
/// longer than it may be asked for. Deleting by age is idempotent, so every instance may run it; unsent
/// outbox messages are never touched.
/// </summary>
public sealed class RetentionCleaner(
    IDbConnectionFactory connections,
    InboxStore inbox,
    OutboxStore outbox,
    IdentityStore identities,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionCleaner> logger) : PeriodicService(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await CleanOnceAsync(cancellationToken);
        return false;
    }

    public async Task<(int Inbox, int SentOutbox, int Identities)> CleanOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Clock.GetUtcNow();
        int inboxDeleted, identitiesDeleted;
        await using (var connection = await connections.OpenAsync(cancellationToken))
        {
            inboxDeleted = await inbox.DeleteReceivedBeforeAsync(connection, now - settings.Inbox);
            identitiesDeleted = await identities.DeleteRegisteredBeforeAsync(connection, now - settings.Identities);
        }

        var outboxDeleted = await outbox.DeleteSentBeforeAsync(now - settings.SentOutbox, cancellationToken);
        if (inboxDeleted + outboxDeleted > 0)
        {
            logger.LogInformation(
                "Retention: deleted {Inbox} inbox record(s) older than {InboxRetention} and {Outbox} sent outbox message(s) older than {OutboxRetention}",
                inboxDeleted, settings.Inbox, outboxDeleted, settings.SentOutbox);
        }

        if (identitiesDeleted > 0)
        {
            logger.LogInformation(
                "Retention: deleted {Identities} identity hash(es) registered more than {IdentityRetention} ago and never checked by Payguru",
                identitiesDeleted, settings.Identities);
        }

        return (inboxDeleted, outboxDeleted, identitiesDeleted);
    }
}
