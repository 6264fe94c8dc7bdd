using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Identity;
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
    readonly RetentionOptions _settings = new() { Inbox = TimeSpan.FromDays(30), SentOutbox = TimeSpan.FromDays(7), Identities = TimeSpan.FromDays(30) };

    InboxStore Inbox => new(Database.InboxQueries, Clock);

    OutboxStore Outbox => new(Database.OutboxQueries, Database.Connections, Clock);

    IdentityStore Identities => new(Database.IdentityQueries, Database.Connections);

    RetentionCleaner Cleaner => new(
        Database.Connections, Inbox, Outbox, Identities, MsOptions.Create(_settings), Clock, NullLogger<RetentionCleaner>.Instance);

    [Fact]
    public async Task Cleaning_deletes_only_what_is_past_its_retention()
    {
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, "endpoint", Guid.NewGuid(), "PaymentAccepted"));
        var outbox = await InTransactionAsync(tx => Outbox.AddAsync(
            tx, [OutboxSerializer.Envelope(new Contracts.Payments.PaymentStatusReported(1, "PG-1", "O-1", 1m, "1.00", 2, DateTimeOffset.UnixEpoch, "b", "DEMO"), Guid.NewGuid()),
                 OutboxSerializer.Envelope(new Contracts.Payments.PaymentStatusReported(2, "PG-2", "O-2", 1m, "1.00", 2, DateTimeOffset.UnixEpoch, "b", "DEMO"), Guid.NewGuid())],
            TimeSpan.FromSeconds(30)));
        await Outbox.MarkSentAsync([outbox[0].Sequence], CancellationToken.None);

        Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal((0, 1, 0), await Cleaner.CleanOnceAsync(CancellationToken.None));

        Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal((1, 0, 0), await Cleaner.CleanOnceAsync(CancellationToken.None));

        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages;"));
        Assert.Equal(1L, await Outbox.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Identity_hashes_payguru_never_asked_about_are_deleted_after_their_retention()
    {
        var hashes = new Dictionary<string, string> { ["DEMO"] = "83fcc8be5da2c8bf544b52a5c9c0961b" };
        await RegisterAsync("ORDER-OLD", hashes);
        Clock.Advance(TimeSpan.FromDays(20));
        await RegisterAsync("ORDER-NEW", hashes);

        Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal((0, 0, 1), await Cleaner.CleanOnceAsync(CancellationToken.None));

        Assert.Null(await Identities.FindHashAsync("ORDER-OLD", "DEMO", CancellationToken.None));
        Assert.Equal("83fcc8be5da2c8bf544b52a5c9c0961b", await Identities.FindHashAsync("ORDER-NEW", "DEMO", CancellationToken.None));
    }

    Task<bool> RegisterAsync(string order, IReadOnlyDictionary<string, string> hashes) =>
        InTransactionAsync(async tx =>
        {
            await Identities.ReplaceAsync(tx, order, hashes, Clock.GetUtcNow());
            return true;
        });

    [Theory]
    [InlineData("12:00:00", "7.00:00:00", "Retention:Inbox")]
    [InlineData("30.00:00:00", "00:00:00", "Retention:SentOutbox")]
    public void Retention_that_would_forget_too_soon_fails_the_start(string inbox, string sentOutbox, string naming)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:Inbox"] = inbox, ["Retention:SentOutbox"] = sentOutbox })
            .Build();
        var options = new ServiceCollection().AddProcessorOptions(configuration).BuildServiceProvider().GetRequiredService<IOptions<RetentionOptions>>();

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(naming, failure.Message);
    }
}
