using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Outbox;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// The order the contracts promise: the events of one key (here an order) leave in the order they
/// were written, also when the first could not be sent; events of other keys do not wait for them.
/// </summary>
public sealed class OutboxKeyOrderTests : OutboxFixture
{
    OutboxWriter Writer => new(Store, Sender, MsOptions.Create(Settings));

    [Fact]
    public async Task Later_event_of_an_order_waits_behind_its_unsent_one_and_other_orders_go_at_once()
    {
        Transport.BeforePublish = (_, attempt, _) => attempt == 1 ? throw new InvalidOperationException("broker refused the message") : Task.CompletedTask;
        var rejected = await CommitAsync(Rejected("ORDER-1"));
        var otherOrder = await CommitAsync(Submitted("ORDER-2"));
        var submitted = await CommitAsync(Submitted("ORDER-1"));

        Assert.Equal([otherOrder], Transport.Published.Select(p => p.MessageId));

        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);

        Assert.Equal([otherOrder, rejected, submitted], Transport.Published.Select(p => p.MessageId));
        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Relay_leaves_an_order_alone_while_its_older_event_is_still_with_its_writer()
    {
        var older = await AddAsync([Rejected("ORDER-1")], Settings.ClaimTimeout); // its writer is still sending it
        var later = await AddAsync([Submitted("ORDER-1"), Submitted("ORDER-2")], TimeSpan.Zero);

        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);
        Assert.Equal([later[1].MessageId], Transport.Published.Select(p => p.MessageId));

        await Store.MarkSentAsync([older[0].Sequence], CancellationToken.None);
        await Relay("relay").RelayOnceAsync(Settings, CancellationToken.None);
        Assert.Equal([later[1].MessageId, later[0].MessageId], Transport.Published.Select(p => p.MessageId));
    }

    async Task<Guid> CommitAsync(object message)
    {
        var id = Guid.NewGuid();
        await using var connection = await Database.Connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await Writer.CommitAndSendAsync(transaction, [OutboxSerializer.Envelope(message, id)], CancellationToken.None);
        return id;
    }

    static RefundRejected Rejected(string order) =>
        new(Guid.NewGuid(), order, 1.00m, RefundRejectionReasons.ProviderError, "refused", "ERR_1", DateTimeOffset.UnixEpoch);

    static RefundSubmitted Submitted(string order) =>
        new(Guid.NewGuid(), 101, order, "PG-1", "DEMO", 1.00m, DateTimeOffset.UnixEpoch);
}
