using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Tests.Stores;

/// <summary>
/// The outbox table (invariant 4), for any dialect: rows only from committed transactions, in
/// order; claims that exclude other owners until they expire; sent rows gone for good; releases
/// that respect the retry time and the current owner; one relay lease holder at a time.
/// </summary>
public abstract class OutboxStoreTests<TDatabase> : StoreTests<TDatabase>
    where TDatabase : ITestDatabase, new()
{
    static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    OutboxStore Outbox => new(Database.OutboxQueries, Database.Connections, Clock);

    [SkippableFact]
    public async Task Added_messages_are_stored_in_order_with_increasing_sequences()
    {
        var envelopes = Envelopes(5);

        var records = await InTransactionAsync(tx => Outbox.AddAsync(tx, envelopes, "writer", ClaimFor));

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
        var first = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), "writer", TimeSpan.Zero));
        var second = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), "writer", TimeSpan.Zero));

        Assert.True(first.Max(r => r.Sequence) < second.Min(r => r.Sequence));
        var claimed = await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None);
        Assert.Equal(first.Concat(second).Select(r => r.MessageId), claimed.Select(r => r.MessageId));
    }

    [SkippableFact]
    public async Task Messages_added_in_a_rolled_back_transaction_are_not_stored()
    {
        await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", TimeSpan.Zero), commit: false);

        Assert.Equal(0L, await Outbox.CountUnsentAsync(CancellationToken.None));
        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Messages_added_claimed_are_not_claimable_by_another_owner_before_the_claim_expires()
    {
        await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", ClaimFor));

        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
        Clock.Advance(ClaimFor - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Messages_added_claimed_are_claimable_once_the_claim_expires()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", ClaimFor));

        Clock.Advance(ClaimFor);
        var claimed = await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None);

        AssertSameMessages(added, claimed);
    }

    [SkippableFact]
    public async Task Claimed_messages_are_not_claimed_again_until_that_claim_expires()
    {
        await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", TimeSpan.Zero));
        Assert.Equal(3, (await Outbox.ClaimBatchAsync("relay-1", 10, ClaimFor, CancellationToken.None)).Count);

        Clock.Advance(ClaimFor - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Outbox.ClaimBatchAsync("relay-2", 10, ClaimFor, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(3, (await Outbox.ClaimBatchAsync("relay-2", 10, ClaimFor, CancellationToken.None)).Count);
    }

    [SkippableFact]
    public async Task Claim_returns_the_oldest_messages_first_in_batches_of_the_given_size()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(5), "writer", TimeSpan.Zero));

        var batches = new List<IReadOnlyList<OutboxRecord>>();
        for (var i = 0; i < 4; i++)
        {
            var batch = await Outbox.ClaimBatchAsync("relay", 2, ClaimFor, CancellationToken.None);
            batches.Add(batch);
            await Outbox.MarkSentAsync(batch.Select(r => r.Sequence).ToList(), CancellationToken.None);
        }

        Assert.Equal([2, 2, 1, 0], batches.Select(b => b.Count));
        AssertSameMessages(added, batches.SelectMany(b => b));
    }

    [SkippableFact]
    public async Task Claim_stops_before_an_older_message_that_is_still_claimed()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(4), "writer", TimeSpan.Zero));
        var first = await Outbox.ClaimBatchAsync("relay-1", 2, ClaimFor, CancellationToken.None);

        // Later messages wait behind the claimed ones, so they cannot overtake them.
        Assert.Empty(await Outbox.ClaimBatchAsync("relay-2", 10, ClaimFor, CancellationToken.None));

        await Outbox.MarkSentAsync(first.Select(r => r.Sequence).ToList(), CancellationToken.None);
        AssertSameMessages(added.Skip(2), await Outbox.ClaimBatchAsync("relay-2", 10, ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Concurrent_claimers_never_get_the_same_message()
    {
        const int count = 500;
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(count), "writer", TimeSpan.Zero));
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var claiming = Task.WhenAll(ClaimAllAsync("relay-a"), ClaimAllAsync("relay-b"));
        start.SetResult();
        var claims = await claiming;

        var a = claims[0].Select(r => r.Sequence).ToHashSet();
        var b = claims[1].Select(r => r.Sequence).ToHashSet();
        Assert.Empty(a.Intersect(b));
        Assert.Equal(added.Select(r => r.Sequence).Order(), a.Union(b).Order());
        Assert.Equal(count, claims[0].Count + claims[1].Count);

        async Task<List<OutboxRecord>> ClaimAllAsync(string owner)
        {
            await start.Task;
            var mine = new List<OutboxRecord>();
            while (true)
            {
                var batch = await Outbox.ClaimBatchAsync(owner, 7, ClaimFor, CancellationToken.None);
                if (batch.Count == 0)
                {
                    if (await Outbox.CountUnsentAsync(CancellationToken.None) == 0)
                    {
                        return mine;
                    }

                    // The other claimer holds the older rows; they are sent before later ones are claimable.
                    await Task.Yield();
                    continue;
                }

                mine.AddRange(batch);
                await Outbox.MarkSentAsync(batch.Select(r => r.Sequence).ToList(), CancellationToken.None);
            }
        }
    }

    [SkippableFact]
    public async Task Sent_messages_are_neither_counted_nor_claimed_again()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", ClaimFor));

        await Outbox.MarkSentAsync([added[0].Sequence, added[1].Sequence], CancellationToken.None);

        Assert.Equal(1L, await Outbox.CountUnsentAsync(CancellationToken.None));
        Clock.Advance(ClaimFor);
        var claimed = await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None);
        AssertSameMessages([added[2]], claimed);
        Clock.Advance(ClaimFor * 10);
        await Outbox.MarkSentAsync([added[2].Sequence], CancellationToken.None);
        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
        Assert.Equal(0L, await Outbox.CountUnsentAsync(CancellationToken.None));
    }

    [SkippableFact]
    public async Task Released_messages_are_claimable_again_only_after_the_retry_time()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", ClaimFor));
        var retryAfter = TimeSpan.FromSeconds(5);

        await Outbox.ReleaseAsync(added.Select(r => r.Sequence).ToList(), "writer", retryAfter, "broker unreachable", CancellationToken.None);

        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
        Clock.Advance(retryAfter - TimeSpan.FromMilliseconds(1));
        Assert.Empty(await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        AssertSameMessages(added, await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
        Assert.Equal(
            ["broker unreachable", "broker unreachable", "broker unreachable"],
            await QueryAsync<string>("SELECT last_error FROM outbox_messages ORDER BY sequence;"));
    }

    [SkippableFact]
    public async Task Release_with_no_retry_delay_makes_messages_claimable_at_once()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), "writer", ClaimFor));

        await Outbox.ReleaseAsync(added.Select(r => r.Sequence).ToList(), "writer", TimeSpan.Zero, "publish not confirmed in time", CancellationToken.None);

        AssertSameMessages(added, await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Release_by_an_owner_that_lost_the_claim_leaves_the_new_owners_claim()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(2), "writer", ClaimFor));
        Clock.Advance(ClaimFor);
        AssertSameMessages(added, await Outbox.ClaimBatchAsync("relay", 10, ClaimFor, CancellationToken.None));

        await Outbox.ReleaseAsync(added.Select(r => r.Sequence).ToList(), "writer", TimeSpan.Zero, "late failure", CancellationToken.None);

        Assert.Empty(await Outbox.ClaimBatchAsync("other", 10, ClaimFor, CancellationToken.None));
        Assert.Equal(["relay", "relay"], await QueryAsync<string>("SELECT claimed_by FROM outbox_messages ORDER BY sequence;"));
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

    static List<OutboxEnvelope> Envelopes(int count) =>
        Enumerable.Range(1, count)
            .Select(i => new OutboxEnvelope(Guid.NewGuid(), "Payguru.Contracts.Payments.PaymentAccepted", $$"""{"Txid":{{i}}}"""))
            .ToList();

    [SkippableFact]
    public async Task Sent_messages_older_than_the_cutoff_are_deleted_and_unsent_ones_never()
    {
        var added = await InTransactionAsync(tx => Outbox.AddAsync(tx, Envelopes(3), "writer", ClaimFor));
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

    /// <summary>The same messages in the same order; each claim has its own expiry, so that is not compared.</summary>
    static void AssertSameMessages(IEnumerable<OutboxRecord> expected, IEnumerable<OutboxRecord> actual) =>
        Assert.Equal(
            expected.Select(r => (r.Sequence, r.MessageId, r.MessageType, r.Body)),
            actual.Select(r => (r.Sequence, r.MessageId, r.MessageType, r.Body)));
}
