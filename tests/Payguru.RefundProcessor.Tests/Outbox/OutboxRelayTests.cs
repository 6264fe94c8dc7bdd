using Payguru.RefundProcessor.Outbox;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// The relay: sends what writers left behind once their claims expire, in sequence order, and
/// only while it holds the single relay lease, so two instances never send the same message.
/// </summary>
public sealed class OutboxRelayTests : OutboxFixture
{
    [Fact]
    public async Task Relay_sends_what_a_crashed_writer_left_once_its_claim_expires()
    {
        var records = await AddAsync(Payments(3), Settings.ClaimTimeout);
        var relay = Relay("relay");

        Assert.False(await relay.RelayOnceAsync(Settings, CancellationToken.None));
        Assert.Empty(Transport.Published);

        Clock.Advance(Settings.ClaimTimeout);
        Assert.False(await relay.RelayOnceAsync(Settings, CancellationToken.None)); // a part batch: nothing more waits

        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Relay_reports_more_while_full_batches_go_out()
    {
        Settings.BatchSize = 2;
        var records = await AddAsync(Payments(5), TimeSpan.Zero);
        var relay = Relay("relay");

        var more = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            more.Add(await relay.RelayOnceAsync(Settings, CancellationToken.None));
        }

        Assert.Equal([true, true, false], more);
        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
    }

    [Fact]
    public async Task Relay_without_the_lease_sends_nothing()
    {
        await AddAsync(Payments(3), TimeSpan.Zero);
        Assert.True(await Store.TryAcquireRelayLeaseAsync("other-instance", Settings.ClaimTimeout, CancellationToken.None));

        var more = await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);

        Assert.False(more);
        Assert.Empty(Transport.Published);
        Assert.Equal(3L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Relay_stops_mid_batch_once_another_instance_took_its_lease()
    {
        var records = await AddAsync(Payments(5), TimeSpan.Zero);
        Transport.BeforePublish = async (_, attempt, _) =>
        {
            if (attempt == 2)
            {
                // A publish slow enough for the lease to run out, and another instance takes it.
                Clock.Advance(Settings.ClaimTimeout);
                Assert.True(await Store.TryAcquireRelayLeaseAsync("instance-b", Settings.ClaimTimeout, CancellationToken.None));
            }
        };

        await Relay("instance-a").RelayOnceAsync(Settings, CancellationToken.None);

        Assert.Equal(records.Take(2).Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(3L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Relay_takes_over_when_the_holders_lease_expires()
    {
        Settings.BatchSize = 2;
        var records = await AddAsync(Payments(5), TimeSpan.Zero);
        var first = Relay("instance-a");
        var second = Relay("instance-b");

        Assert.True(await first.RelayOnceAsync(Settings, CancellationToken.None)); // then instance-a stops
        Assert.False(await second.RelayOnceAsync(Settings, CancellationToken.None));
        Assert.Equal(2, Transport.Published.Count);

        Clock.Advance(Settings.ClaimTimeout);
        while (await second.RelayOnceAsync(Settings, CancellationToken.None))
        {
        }

        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Two_relays_running_concurrently_send_each_message_once_in_sequence_order()
    {
        const int count = 300;
        Settings.BatchSize = 10;
        var records = await AddAsync(Payments(count), TimeSpan.Zero);
        Transport.BeforePublish = async (_, _, _) => await Task.Yield(); // let the other relay run between publishes
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var relaying = Task.WhenAll(RunAsync(Relay("instance-a")), RunAsync(Relay("instance-b")));
        start.SetResult();
        await relaying;

        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));

        async Task RunAsync(OutboxRelay relay)
        {
            await start.Task;
            while (await Store.CountUnsentAsync(deadline.Token) > 0)
            {
                if (!await relay.RelayOnceAsync(Settings, deadline.Token))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(5), deadline.Token);
                }
            }
        }
    }

    [Fact]
    public async Task Running_relay_retries_after_a_failed_publish_and_sends_everything_in_order()
    {
        Settings.RelayInterval = TimeSpan.FromMilliseconds(50);
        var records = await AddAsync(Payments(4), TimeSpan.Zero);
        Transport.BeforePublish = (_, attempt, _) =>
            attempt == 2 ? throw new InvalidOperationException("connection reset") : Task.CompletedTask;
        var relay = Relay("relay", TimeProvider.System);

        await relay.StartAsync(CancellationToken.None);
        try
        {
            await Poll.WaitUntilAsync(() => Transport.Published.Count >= records.Count, TimeSpan.FromSeconds(20), "the relay to send every message");
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }

        Assert.Equal(5, Transport.Attempts);
        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }
}
