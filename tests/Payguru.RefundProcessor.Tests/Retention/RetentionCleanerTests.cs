using Microsoft.Extensions.Logging.Abstractions;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Options;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Retention;
using Payguru.RefundProcessor.Tests.Stores;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Retention;

/// <summary>The inbox and the sent outbox messages are kept for their retention, then deleted; unsent messages always stay.</summary>
public sealed class RetentionCleanerTests : StoreTests<SqliteTestDatabase>
{
    readonly RetentionOptions _settings = new() { Inbox = TimeSpan.FromDays(30), SentOutbox = TimeSpan.FromDays(7) };

    InboxStore Inbox => new(Database.InboxQueries, Clock);

    OutboxStore Outbox => new(Database.OutboxQueries, Database.Connections, Clock);

    RetentionCleaner Cleaner => new(
        Database.Connections, Inbox, Outbox, MsOptions.Create(_settings), Clock, NullLogger<RetentionCleaner>.Instance);

    [Fact]
    public async Task Cleaning_deletes_only_what_is_past_its_retention()
    {
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, "endpoint", Guid.NewGuid(), "PaymentAccepted"));
        var outbox = await InTransactionAsync(tx => Outbox.AddAsync(
            tx, [OutboxSerializer.Envelope(new Contracts.Payments.PaymentStatusReported(1, "PG-1", "O-1", 1m, "1.00", 2, DateTimeOffset.UnixEpoch, "b", "DEMO"), Guid.NewGuid()),
                 OutboxSerializer.Envelope(new Contracts.Payments.PaymentStatusReported(2, "PG-2", "O-2", 1m, "1.00", 2, DateTimeOffset.UnixEpoch, "b", "DEMO"), Guid.NewGuid())],
            "writer", TimeSpan.FromSeconds(30)));
        await Outbox.MarkSentAsync([outbox[0].Sequence], CancellationToken.None);

        Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal((0, 1), await Cleaner.CleanOnceAsync(CancellationToken.None));

        Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal((1, 0), await Cleaner.CleanOnceAsync(CancellationToken.None));

        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.Equal(1L, await Outbox.CountUnsentAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("12:00:00", "7.00:00:00", "Retention:Inbox")]
    [InlineData("30.00:00:00", "00:00:00", "Retention:SentOutbox")]
    public void Retention_that_would_forget_too_soon_fails_the_start(string inbox, string sentOutbox, string naming)
    {
        var result = new RetentionOptionsValidator().Validate(null, new RetentionOptions
        {
            Inbox = TimeSpan.Parse(inbox, System.Globalization.CultureInfo.InvariantCulture),
            SentOutbox = TimeSpan.Parse(sentOutbox, System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.True(result.Failed);
        Assert.Contains(naming, result.FailureMessage);
    }
}
