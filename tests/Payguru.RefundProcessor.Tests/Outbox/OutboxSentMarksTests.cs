using Microsoft.Extensions.Logging.Abstractions;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Payguru.RefundProcessor.Tests.Outbox;

/// <summary>
/// Sent messages are marked sent in batches (docs/architecture.md, storage): marks that arrive while one
/// statement runs share the next one, the last marks are written before the process stops, and until its
/// mark is written a message counts as sent for its key's later messages.
/// </summary>
public sealed class OutboxSentMarksTests : OutboxFixture
{
    [Fact]
    public async Task Marks_of_many_messages_take_one_statement_or_two_and_all_are_written_by_the_stop()
    {
        var writes = new WriteTransactionCounter();
        var store = new OutboxStore(Database.OutboxQueries, new SqliteConnectionFactory(MsOptions.Create(Database.Options), writes), Clock);
        var marks = new OutboxSentMarks(store, MsOptions.Create(Settings), NullLogger<OutboxSentMarks>.Instance);
        var records = await AddAsync(Payments(20), Settings.ClaimTimeout);
        var before = writes.Count;

        foreach (var record in records)
        {
            marks.Add([record.Sequence]);
        }

        await marks.StopAsync(CancellationToken.None);

        Assert.Equal(0L, await Store.CountUnsentAsync(CancellationToken.None));
        // The first mark goes at once, alone or with the others; the rest gather behind it. One write each would be 20.
        Assert.InRange(writes.Count - before, 1, 2);
        Assert.All(records, record => Assert.False(marks.IsSentUnmarked(record.Sequence)));
    }

    [Fact]
    public async Task Message_whose_mark_is_queued_does_not_hold_back_the_next_of_its_key()
    {
        var older = await AddAsync([Submitted("ORDER-1")], Settings.ClaimTimeout);
        var later = await AddAsync([Submitted("ORDER-1")], Settings.ClaimTimeout);

        Assert.True(await Store.HasOlderUnsentOfKeyAsync(later, CancellationToken.None));
        Assert.False(await Store.HasOlderUnsentOfKeyAsync(later, CancellationToken.None, sequence => sequence == older[0].Sequence));
    }

    static RefundSubmitted Submitted(string order) => new(Guid.NewGuid(), 101, order, "PG-1", "DEMO", 1.00m, DateTimeOffset.UnixEpoch);
}
