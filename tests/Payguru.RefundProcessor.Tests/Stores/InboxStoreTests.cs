using Payguru.RefundProcessor.Inbox;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>The inbox (invariant 3, docs/architecture.md), for any dialect: one record per (endpoint, message id), only when committed.</summary>
public abstract class InboxStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    const string Endpoint = "refund-processor-payments";

    InboxStore Inbox => new(Database.InboxQueries, Clock);

    [SkippableFact]
    public async Task First_record_of_a_message_is_new()
    {
        var messageId = Guid.NewGuid();

        var recorded = await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"));

        Assert.True(recorded);
        Assert.Equal(1L, await CountAsync(Endpoint, messageId));
    }

    [SkippableFact]
    public async Task Same_message_on_the_same_endpoint_again_is_not_new()
    {
        var messageId = Guid.NewGuid();
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"));

        var again = await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"));

        Assert.False(again);
        Assert.Equal(1L, await CountAsync(Endpoint, messageId));
    }

    [SkippableFact]
    public async Task Same_message_twice_in_one_transaction_is_new_only_once()
    {
        var messageId = Guid.NewGuid();

        var (first, second) = await InTransactionAsync(async tx =>
            (await Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"),
             await Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted")));

        Assert.True(first);
        Assert.False(second);
    }

    [SkippableFact]
    public async Task Same_message_on_another_endpoint_is_new()
    {
        var messageId = Guid.NewGuid();
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"));

        var onOther = await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, "refund-processor-refunds", messageId, "PaymentAccepted"));

        Assert.True(onOther);
        Assert.Equal(1L, await CountAsync("refund-processor-refunds", messageId));
    }

    [SkippableFact]
    public async Task Record_in_a_rolled_back_transaction_leaves_nothing()
    {
        var messageId = Guid.NewGuid();

        var recordedThenRolledBack = await InTransactionAsync(
            tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted"), commit: false);

        Assert.True(recordedThenRolledBack);
        Assert.Equal(0L, await CountAsync(Endpoint, messageId));
        Assert.True(await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentAccepted")));
    }

    [SkippableFact]
    public async Task Records_received_before_the_cutoff_are_deleted_and_newer_ones_kept()
    {
        var old = Guid.NewGuid();
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, old, "PaymentAccepted"));
        Clock.Advance(TimeSpan.FromDays(2));
        var recent = Guid.NewGuid();
        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, recent, "PaymentAccepted"));

        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        var deleted = await Inbox.DeleteReceivedBeforeAsync(connection, Clock.GetUtcNow() - TimeSpan.FromDays(1));

        Assert.Equal(1, deleted);
        Assert.Equal(0L, await CountAsync(Endpoint, old));
        Assert.Equal(1L, await CountAsync(Endpoint, recent));
    }

    [SkippableFact]
    public async Task Record_keeps_the_message_type_and_the_clock_time()
    {
        var messageId = Guid.NewGuid();

        await InTransactionAsync(tx => Inbox.TryRecordAsync(tx, Endpoint, messageId, "PaymentStatusReported"));

        var row = Assert.Single(await QueryAsync<(string MessageType, string ReceivedAt)>(
            "SELECT message_type, received_at FROM inbox_messages WHERE endpoint = @Endpoint AND message_id = @MessageId;",
            new { Endpoint, MessageId = messageId.ToString("D") }));
        Assert.Equal("PaymentStatusReported", row.MessageType);
        Assert.Equal(Clock.GetUtcNow(), DateTimeOffset.Parse(row.ReceivedAt, System.Globalization.CultureInfo.InvariantCulture));
    }

    Task<long> CountAsync(string endpoint, Guid messageId) => ScalarAsync<long>(
        "SELECT COUNT(*) FROM inbox_messages WHERE endpoint = @Endpoint AND message_id = @MessageId;",
        new { Endpoint = endpoint, MessageId = messageId.ToString("D") });
}
