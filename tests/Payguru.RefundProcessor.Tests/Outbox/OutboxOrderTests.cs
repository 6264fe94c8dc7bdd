namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// Invariant 4's "in order" across handlings: a message committed later never overtakes an
/// older one that is still waiting to be sent.
/// </summary>
public sealed class OutboxOrderTests : OutboxFixture
{
    [Fact]
    public async Task Writer_queues_behind_an_older_message_whose_send_failed_and_the_relay_sends_both_in_order()
    {
        var e1 = await AddAsync(Payments(1), "writer-1", Settings.ClaimTimeout);
        Transport.BeforePublish = (_, attempt, _) => attempt == 1 ? throw new InvalidOperationException("blip") : Task.CompletedTask;
        Assert.Equal(0, await Sender.SendAsync(e1, "writer-1", TimeSpan.Zero, CancellationToken.None));

        var e2 = await AddAsync(Payments(1), "writer-2", Settings.ClaimTimeout);

        Assert.True(await Store.HasOlderAwaitingRelayAsync(e2[0].Sequence, CancellationToken.None));
        await Store.ReleaseAsync([e2[0].Sequence], "writer-2", TimeSpan.Zero, "queued behind older messages", CancellationToken.None);
        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);
        Assert.Equal([e1[0].MessageId, e2[0].MessageId], Transport.Published.Select(p => p.MessageId));
    }

    [Fact]
    public async Task Writer_sends_at_once_when_nothing_older_waits()
    {
        var e1 = await AddAsync(Payments(1), "writer-1", Settings.ClaimTimeout);
        await Sender.SendAsync(e1, "writer-1", TimeSpan.Zero, CancellationToken.None);
        var e2 = await AddAsync(Payments(1), "writer-2", Settings.ClaimTimeout);

        Assert.False(await Store.HasOlderAwaitingRelayAsync(e2[0].Sequence, CancellationToken.None));
    }

    [Fact]
    public async Task Another_writers_message_in_flight_does_not_hold_a_writer_back()
    {
        // Two handlings committing side by side have no order between them; only waiting messages do.
        await AddAsync(Payments(1), "writer-1", Settings.ClaimTimeout);
        var e2 = await AddAsync(Payments(1), "writer-2", Settings.ClaimTimeout);

        Assert.False(await Store.HasOlderAwaitingRelayAsync(e2[0].Sequence, CancellationToken.None));
    }

    [Fact]
    public async Task Relay_does_not_overtake_a_message_waiting_for_its_retry_time()
    {
        var e1 = await AddAsync(Payments(1), "writer-1", Settings.ClaimTimeout);
        await Store.ReleaseAsync([e1[0].Sequence], "writer-1", TimeSpan.FromSeconds(10), "broker down", CancellationToken.None);
        var e2 = await AddAsync(Payments(1), "writer-2", TimeSpan.Zero);

        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);
        Assert.Empty(Transport.Published);

        Clock.Advance(TimeSpan.FromSeconds(10));
        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);
        Assert.Equal([e1[0].MessageId, e2[0].MessageId], Transport.Published.Select(p => p.MessageId));
    }

    [Fact]
    public async Task Sender_stops_before_its_claim_runs_out_and_leaves_the_rest_claimable()
    {
        var records = await AddAsync(Payments(4), "writer", Settings.ClaimTimeout);
        // Each publish takes 15 s on a slow broker. After two, the 30 s claim has run out: with less
        // than one publish timeout (10 s) left, the sender starts no third one.
        Transport.BeforePublish = (_, _, _) =>
        {
            Clock.Advance(TimeSpan.FromSeconds(15));
            return Task.CompletedTask;
        };

        var sent = await Sender.SendAsync(records, "writer", TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(2L, await Store.CountUnsentAsync(CancellationToken.None));
        var claimable = await Store.ClaimBatchAsync("relay/relay", 10, Settings.ClaimTimeout, CancellationToken.None);
        Assert.Equal(records.Skip(2).Select(r => r.Sequence), claimable.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Sender_with_the_smallest_allowed_claim_sends_a_fast_batch_whole()
    {
        // ClaimTimeout at its minimum, twice PublishTimeout: fast publishes all fit in the claim.
        Settings.ClaimTimeout = TimeSpan.FromSeconds(4);
        Settings.PublishTimeout = TimeSpan.FromSeconds(2);
        var records = await AddAsync(Payments(50), "writer", Settings.ClaimTimeout);
        Transport.BeforePublish = (_, _, _) =>
        {
            Clock.Advance(TimeSpan.FromMilliseconds(10));
            return Task.CompletedTask;
        };

        var sent = await Sender.SendAsync(records, "writer", TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(50, sent);
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }
}
