using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// The outbox table (invariant 4, docs/architecture.md), for any dialect: rows only from committed transactions, in
/// order; due for the relay only after their writer had its time, or once a retry time passed;
/// a key's messages never due before an older one of that key; sent rows gone for good; one relay
/// lease holder at a time.
/// </summary>
public abstract class OutboxStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    static readonly TimeSpan DueAfter = TimeSpan.FromSeconds(30);

    OutboxStore Outbox => new(Database.OutboxQueries, Database.Connections, Clock);

    [SkippableFact]
    public async Task Added_messages_are_stored_in_order_with_increasing_sequences()
    {
        var envelopes = Envelopes(5);

        var records = await InTransactionAsync(tx => Outbox.AddAsync(tx, envelopes, DueAfter));

        Assert.Equal(envelopes.Select(e => e.MessageId), records.Select(r => r.MessageId));
        Assert.True(records.Zip(records.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence), "sequences increase");
        var stored = await QueryAsync<(long Sequence, string MessageId, string MessageType, string Body)>(
            "SELECT sequence, message_id, message_type, body FROM outbox_messages ORDER BY sequence;");
        Assert.Equal(
            records.Select(r => (r.Sequence, r.MessageId.ToString("D"), r.MessageType, r.Body)),
            stored);
        Assert.Equal(5L, await Outbox.CountUnsentAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Messages_added_in_a_later_transaction_come_after_earlier_ones()
    {
        var first = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), TimeSpan.Zero));
        var second = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), TimeSpan.Zero));

        Assert.True(first.Max(r => r.Sequence) < second.Min(r => r.Sequence));
        var due = await Outbox.DueAsync(10, CancellationToken.None);
        Assert.Equal(first.Concat(second).Select(r => r.MessageId), due.Select(r => r.MessageId));
    }

    [SkippableFact]
    public async Task Messages_added_in_a_rolled_back_transaction_are_not_stored()
    {
        await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), TimeSpan.Zero), commit: false);

        Assert.Equal(0L, await Outbox.CountUnsentAsync(CancellationToken.None));
        Assert.Empty(await Outbox.DueAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Added_messages_are_not_due_before_their_writer_had_its_time()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), DueAfter));

        Assert.Empty(await Outbox.DueAsync(10, CancellationToken.None));
        Clock.Advance(DueAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Outbox.DueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        AssertSameMessages(added, await Outbox.DueAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Due_returns_the_oldest_messages_first_in_batches_of_the_given_size()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(5), TimeSpan.Zero));

        var first = await Outbox.DueAsync(2, CancellationToken.None);
        AssertSameMessages(added.Take(2), first);
        await Outbox.MarkSentAsync(first.Select(r => r.Sequence).ToList(), CancellationToken.None);
        AssertSameMessages(added.Skip(2), await Outbox.DueAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Sent_messages_are_neither_counted_nor_due_again()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), TimeSpan.Zero));

        await Outbox.MarkSentAsync(added.Take(2).Select(r => r.Sequence).ToList(), CancellationToken.None);

        Assert.Equal(1L, await Outbox.CountUnsentAsync(CancellationToken.None));
        AssertSameMessages(added.Skip(2), await Outbox.DueAsync(10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Postponed_messages_are_due_again_only_after_the_retry_time_with_their_error()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), TimeSpan.Zero));

        await Outbox.PostponeAsync(added.Select(r => r.Sequence).ToList(), TimeSpan.FromSeconds(5), "broker down", CancellationToken.None);

        Assert.Empty(await Outbox.DueAsync(10, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(5));
        AssertSameMessages(added, await Outbox.DueAsync(10, CancellationToken.None));
        Assert.Equal([(1L, "broker down"), (1L, "broker down")], await QueryAsync<(long, string)>("SELECT attempts, last_error FROM outbox_messages ORDER BY sequence;"));
    }

    [SkippableFact]
    public async Task A_message_is_not_due_while_an_older_one_of_its_key_waits_but_other_keys_go()
    {
        var older = await InTransactionAsync(tx => Outbox.AddAsync(tx, [Keyed("order:1")], DueAfter)); // its writer is sending it
        var later = await InTransactionAsync(tx => Outbox.AddAsync(tx, [Keyed("order:1"), Keyed("order:2"), Keyed(null)], TimeSpan.Zero));

        AssertSameMessages(later.Skip(1), await Outbox.DueAsync(10, CancellationToken.None));
        Assert.True(await Outbox.HasOlderUnsentOfKeyAsync(later, CancellationToken.None));
        Assert.False(await Outbox.HasOlderUnsentOfKeyAsync(later.Skip(1).ToList(), CancellationToken.None));

        await Outbox.MarkSentAsync([older[0].Sequence], CancellationToken.None);
        AssertSameMessages(later, await Outbox.DueAsync(10, CancellationToken.None));
        Assert.False(await Outbox.HasOlderUnsentOfKeyAsync(later, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Relay_lease_excludes_other_owners_until_it_expires()
    {
        Assert.True(await Outbox.TryAcquireRelayLeaseAsync("relay-a", ClaimFor, CancellationToken.None));
        Assert.False(await Outbox.TryAcquireRelayLeaseAsync("relay-b", ClaimFor, CancellationToken.None));

        Clock.Advance(ClaimFor - TimeSpan.FromMilliseconds(1));
        Assert.False(await Outbox.TryAcquireRelayLeaseAsync("relay-b", ClaimFor, CancellationToken.None));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await Outbox.TryAcquireRelayLeaseAsync("relay-b", ClaimFor, CancellationToken.None));
        Assert.False(await Outbox.TryAcquireRelayLeaseAsync("relay-a", ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Relay_lease_holder_can_renew_it()
    {
        Assert.True(await Outbox.TryAcquireRelayLeaseAsync("relay-a", ClaimFor, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Outbox.TryAcquireRelayLeaseAsync("relay-a", ClaimFor, CancellationToken.None));

        Clock.Advance(TimeSpan.FromSeconds(20)); // past the first lease, within the renewed one
        Assert.False(await Outbox.TryAcquireRelayLeaseAsync("relay-b", ClaimFor, CancellationToken.None));
        Clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(await Outbox.TryAcquireRelayLeaseAsync("relay-b", ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Relay_lease_taken_concurrently_goes_to_exactly_one_owner()
    {
        const int owners = 8;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var acquiring = Task.WhenAll(Enumerable.Range(0, owners).Select(async i =>
        {
            await start.Task;
            return await Outbox.TryAcquireRelayLeaseAsync($"relay-{i}", ClaimFor, CancellationToken.None);
        }));
        start.SetResult();
        var results = await acquiring;

        Assert.Single(results, acquired => acquired);
    }

    static OutboxEnvelope Keyed(string? key) =>
        new(Guid.NewGuid(), "Payguru.Contracts.Payments.PaymentAccepted", """{"Txid":1}""", OrderingKey: key);

    static List<OutboxEnvelope> Envelopes(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new OutboxEnvelope(Guid.NewGuid(), "Payguru.Contracts.Payments.PaymentAccepted", $$"""{"Txid":{{i}}}"""))
            .ToList();

    [SkippableFact]
    public async Task Sent_messages_older_than_the_cutoff_are_deleted_and_unsent_ones_never()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), DueAfter));
        await Outbox.MarkSentAsync([added[0].Sequence], CancellationToken.None);
        Clock.Advance(TimeSpan.FromDays(10));
        await Outbox.MarkSentAsync([added[1].Sequence], CancellationToken.None);

        var deleted = await Outbox.DeleteSentBeforeAsync(Clock.GetUtcNow() - TimeSpan.FromDays(7), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(
            [added[1].Sequence, added[2].Sequence],
            await QueryAsync<long>("SELECT sequence FROM outbox_messages ORDER BY sequence;"));
        Assert.Equal(1L, await Outbox.CountUnsentAsync(CancellationToken.None));
    }

    /// <summary>The same messages in the same order.</summary>
    static void AssertSameMessages(IEnumerable<OutboxRecord> expected, IEnumerable<OutboxRecord> actual) =>
        Assert.Equal(
            expected.Select(r => (r.Sequence, r.MessageId, r.MessageType, r.Body)),
            actual.Select(r => (r.Sequence, r.MessageId, r.MessageType, r.Body)));
}
