using System.Collections.Concurrent;
using Dapper;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Contracts.Payments;
using Payguru.RefundProcessor.Consuming;
using Payguru.RefundProcessor.Data;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// Group commit on the payments endpoint (docs/architecture.md, storage) through the processor's real
/// pipeline on a real SQLite file: messages handled together share one transaction, yet each keeps its own
/// inbox record, a duplicate inside the group is dropped, a poison message fails alone, and no message is
/// acknowledged before its handling committed. A first handling holds the committer, so that the messages
/// published meanwhile are one group.
/// </summary>
public sealed class GroupCommitTests
{
    const long PoisonTxid = 666; // the trigger below names it

    /// <summary>Fails every insert of the poison payment; the others go in.</summary>
    const string FailPoisonInserts = """
        CREATE TRIGGER test_fail_poison_payment BEFORE INSERT ON payments
        WHEN NEW.txid = 666
        BEGIN
            SELECT RAISE(ABORT, 'injected poison payment');
        END;
        """;

    [Fact]
    public async Task Messages_handled_together_commit_in_one_transaction_each_with_its_inbox_record_and_a_duplicate_dropped()
    {
        var acks = new CommittedAtAck();
        // The relay renews its lease (a write) once at start only, so that the count below is the group's alone.
        await using var processor = await ProcessorHarness.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:RelayInterval"] = "01:00:00" });
        processor.Harness.Bus.ConnectReceiveObserver(acks.Watch(processor.Connections));
        var writes = processor.Services.GetRequiredService<WriteTransactionCounter>();
        var ids = Enumerable.Range(0, 5).Select(_ => NewId.NextGuid()).ToList();

        await using (await HoldCommitterAsync(processor))
        {
            for (var i = 0; i < ids.Count; i++)
            {
                await processor.PublishAsync(Payment(1000 + i), ids[i]);
            }

            await processor.PublishAsync(Payment(1000), ids[0]); // a duplicate of the first, in the same group
            await WaitForQueuedAsync(processor, 6);
            acks.Start(writes);
        }

        foreach (var id in ids)
        {
            Assert.All(await processor.FinishedAsync(id, count: id == ids[0] ? 2 : 1), f => Assert.False(f.Faulted));
        }

        Assert.Equal(5L, await processor.ScalarAsync<long>("SELECT COUNT(*) FROM payments;"));
        Assert.Equal(
            ids.Select(id => id.ToString("D")).Order(),
            await processor.QueryAsync<string>("SELECT message_id FROM inbox_messages WHERE endpoint = 'refund-processor-payments' ORDER BY message_id;"));
        // The duplicate was dropped by its inbox record, written earlier in the same transaction: the consumer ran once.
        Assert.Single(processor.Harness.Consumed.Select<PaymentAccepted>(x => x.Context.MessageId == ids[0]));
        // The six handlings were one write transaction: the first acknowledgement found it committed, and no other.
        Assert.Equal(6, acks.Acked.Count);
        Assert.All(acks.Acked, ack => Assert.True(ack.InboxRows == 1, $"message {ack.MessageId} was acknowledged before its inbox record committed"));
        Assert.Equal([1L], acks.Acked.Select(ack => ack.WritesSinceStart).Distinct());
    }

    [Fact]
    public async Task Poison_message_in_a_group_fails_alone_and_its_neighbours_commit_once()
    {
        await using var processor = await ProcessorHarness.StartAsync(beforeStart: FailPoisonInserts);
        var before = NewId.NextGuid();
        var poison = NewId.NextGuid();
        var after = NewId.NextGuid();

        await using (await HoldCommitterAsync(processor))
        {
            await processor.PublishAsync(Payment(2001), before);
            await processor.PublishAsync(Payment(PoisonTxid), poison);
            await processor.PublishAsync(Payment(2002), after);
            await WaitForQueuedAsync(processor, 3);
        }

        Assert.False(Assert.Single(await processor.FinishedAsync(before)).Faulted);
        Assert.False(Assert.Single(await processor.FinishedAsync(after)).Faulted);
        Assert.True(Assert.Single(await processor.FinishedAsync(poison)).Faulted);
        Assert.True(await processor.Harness.Published.Any<Fault<PaymentAccepted>>(x => x.Context.Message.FaultedMessageId == poison));
        Assert.Equal([2001L, 2002L], await processor.QueryAsync<long>("SELECT txid FROM payments ORDER BY txid;"));
        Assert.Equal(
            new[] { before, after }.Select(id => id.ToString("D")).Order(),
            await processor.QueryAsync<string>("SELECT message_id FROM inbox_messages ORDER BY message_id;"));
        // Rolled back to their savepoints, not redone: each neighbour's consumer ran once.
        Assert.Single(processor.Harness.Consumed.Select<PaymentAccepted>(x => x.Context.MessageId == before));
        Assert.Single(processor.Harness.Consumed.Select<PaymentAccepted>(x => x.Context.MessageId == after));
    }

    static PaymentAccepted Payment(long txid) =>
        new(txid, $"PG-{txid}", $"order-{txid}", 10.50m, "10.50", 3, new DateTimeOffset(2025, 5, 30, 14, 15, 16, TimeSpan.FromHours(3)), "0062", "svc-web");

    /// <summary>Queues a handling that holds the committer until the returned value is disposed.</summary>
    static async Task<IAsyncDisposable> HoldCommitterAsync(ProcessorHarness processor)
    {
        var groupCommit = processor.Services.GetRequiredService<GroupCommit>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = groupCommit.RunAsync(async (_, _) =>
        {
            running.TrySetResult();
            await release.Task;
        }, CancellationToken.None);
        await running.Task;
        return new Hold(release, held);
    }

    static Task WaitForQueuedAsync(ProcessorHarness processor, int count)
    {
        var groupCommit = processor.Services.GetRequiredService<GroupCommit>();
        return Poll.WaitUntilAsync(() => groupCommit.Waiting >= count, TimeSpan.FromSeconds(20), $"{count} handlings queued for the next group");
    }

    sealed class Hold(TaskCompletionSource release, Task held) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            release.TrySetResult();
            await held;
        }
    }

    /// <summary>
    /// At each acknowledgement (a receive finished), reads from a connection of its own whether the message's inbox
    /// record is committed, and how many write transactions committed since <see cref="Start"/>.
    /// </summary>
    sealed class CommittedAtAck : IReceiveObserver
    {
        readonly ConcurrentQueue<(Guid? MessageId, long InboxRows, long WritesSinceStart)> _acked = new();
        IDbConnectionFactory? _connections;
        WriteTransactionCounter? _writes;
        long _writesAtStart;

        public IReadOnlyList<(Guid? MessageId, long InboxRows, long WritesSinceStart)> Acked => _acked.ToList();

        public CommittedAtAck Watch(IDbConnectionFactory connections)
        {
            _connections = connections;
            return this;
        }

        public void Start(WriteTransactionCounter writes)
        {
            _writes = writes;
            _writesAtStart = writes.Count;
        }

        public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

        public async Task PostReceive(ReceiveContext context)
        {
            if (_writes is null)
            {
                return;
            }

            var messageId = context.GetMessageId();
            await using var connection = await _connections!.OpenAsync(CancellationToken.None);
            var rows = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM inbox_messages WHERE message_id = @Id;", new { Id = messageId?.ToString("D") });
            _acked.Enqueue((messageId, rows, _writes.Count - _writesAtStart));
        }

        public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
            where T : class => Task.CompletedTask;

        public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
            where T : class => Task.CompletedTask;

        public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
    }
}
