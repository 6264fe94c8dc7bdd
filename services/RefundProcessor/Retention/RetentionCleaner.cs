using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Retention;

/// <summary>
/// Deletes old inbox records, sent outbox messages (never unsent ones) and identity hashes. Deleting by age is
/// idempotent, so every instance may run it.
/// </summary>
public sealed class RetentionCleaner(
    IDbConnectionFactory connections,
    InboxStore inbox,
    OutboxStore outbox,
    IdentityStore identities,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionCleaner> logger) : PeriodicService(() => options.Value.Interval, clock, logger)
{
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => CleanOnceAsync(cancellationToken);

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
