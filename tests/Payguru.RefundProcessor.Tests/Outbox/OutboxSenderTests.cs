using System.Globalization;
using Payguru.Contracts.Payments;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// Sending claimed outbox rows: in sequence order, under their original ids, as the original
/// records; on a failure, stop there, mark what went and release the rest for the relay.
/// </summary>
public sealed class OutboxSenderTests : OutboxFixture
{
    [Fact]
    public async Task Sends_messages_in_sequence_order_with_their_original_ids_and_contents()
    {
        var payments = Payments(5);
        var records = await AddAsync(payments, Settings.ClaimTimeout);

        var sent = await Sender.SendAsync(records, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(5, sent);
        var published = Transport.Published;
        Assert.Equal(records.Select(r => r.MessageId), published.Select(p => p.MessageId));
        Assert.All(published, p => Assert.Equal(typeof(PaymentAccepted), p.MessageType));
        Assert.Equal(payments, published.Select(p => Assert.IsType<PaymentAccepted>(p.Message)));
        var first = (PaymentAccepted)published[0].Message;
        Assert.Equal("11.50", first.Amount.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(3), first.TransactionTime.Offset);
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Failure_on_a_message_stops_there_marks_the_earlier_ones_sent_and_leaves_the_rest_to_the_relay()
    {
        var records = await AddAsync(Payments(5), Settings.ClaimTimeout);
        Transport.BeforePublish = (_, attempt, _) =>
            attempt == 3 ? throw new InvalidOperationException("broker refused the message") : Task.CompletedTask;

        var sent = await Sender.SendAsync(records, Settings.RelayInterval, CancellationToken.None);

        Assert.Equal(2, sent);
        Assert.Equal(3, Transport.Attempts);
        Assert.Equal(records.Take(2).Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(3L, await Store.CountUnsentAsync(CancellationToken.None));
        Assert.Equal([null, null, "broker refused the message", "broker refused the message", "broker refused the message"], await LastErrorsAsync());

        Transport.BeforePublish = null;
        var relay = Relay("relay");
        Assert.False(await relay.RelayOnceAsync(Settings, CancellationToken.None)); // before the retry time: nothing
        Assert.Equal(2, Transport.Published.Count);

        Clock.Advance(Settings.RelayInterval);
        await relay.RelayOnceAsync(Settings, CancellationToken.None);

        Assert.Equal(records.Select(r => r.MessageId), Transport.Published.Select(p => p.MessageId));
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Publish_not_confirmed_in_time_counts_as_a_failure()
    {
        Settings.PublishTimeout = TimeSpan.FromMilliseconds(200);
        var records = await AddAsync(Payments(3), Settings.ClaimTimeout);
        Transport.BeforePublish = (_, attempt, cancellationToken) =>
            attempt == 2 ? Task.Delay(Timeout.Infinite, cancellationToken) : Task.CompletedTask;

        var sent = await Sender.SendAsync(records, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, sent);
        Assert.Equal([records[0].MessageId], Transport.Published.Select(p => p.MessageId));
        Assert.Equal([null, "publish not confirmed in time", "publish not confirmed in time"], await LastErrorsAsync());
        var retried = await Store.DueAsync(10, CancellationToken.None);
        Assert.Equal(records.Skip(1), retried);
    }

    [Fact]
    public async Task Cancelled_send_marks_what_went_releases_the_rest_and_throws()
    {
        var records = await AddAsync(Payments(3), Settings.ClaimTimeout);
        using var stopping = new CancellationTokenSource();
        Transport.BeforePublish = async (_, attempt, cancellationToken) =>
        {
            if (attempt == 2)
            {
                await stopping.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Sender.SendAsync(records, TimeSpan.Zero, stopping.Token));

        Assert.Equal([records[0].MessageId], Transport.Published.Select(p => p.MessageId));
        Assert.Equal(2L, await Store.CountUnsentAsync(CancellationToken.None));
        Assert.Equal(records.Skip(1), await Store.DueAsync(10, CancellationToken.None));
    }
}
