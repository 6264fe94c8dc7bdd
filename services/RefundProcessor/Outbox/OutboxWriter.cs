using System.Data.Common;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Ends a state change with its messages (docs/architecture.md, the outbox): writes them in the transaction,
/// commits, then sends them at once. What it cannot send is left to the relay, due at once; what it never gets to
/// send (a crash) is due after <see cref="OutboxOptions.ClaimTimeout"/>; a message whose key still has an older
/// unsent message is left to the relay too, which sends a key's messages in order. With <paramref name="marks"/>
/// what it sent is marked sent in batches, later; without, at once.
/// </summary>
public sealed class OutboxWriter(OutboxStore store, OutboxSender sender, IOptions<OutboxOptions> options, OutboxSentMarks? marks = null)
{
    public async Task CommitAndSendAsync(DbTransaction transaction, IReadOnlyList<OutboxEnvelope> messages, CancellationToken cancellationToken)
    {
        var records = await AddAsync(transaction, messages);
        await transaction.CommitAsync(cancellationToken);
        await SendCommittedAsync(records, cancellationToken);
    }

    /// <summary>Writes <paramref name="messages"/> in a transaction that someone else commits (<see cref="Data.GroupCommit"/>).</summary>
    public Task<IReadOnlyList<OutboxRecord>> AddAsync(DbTransaction transaction, IReadOnlyList<OutboxEnvelope> messages) =>
        store.AddAsync(transaction, messages, options.Value.ClaimTimeout);

    public async Task SendCommittedAsync(IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        if (await store.HasOlderUnsentOfKeyAsync(records, cancellationToken, marks is null ? null : marks.IsSentUnmarked))
        {
            await store.PostponeAsync(records.Select(r => r.Sequence).ToList(), TimeSpan.Zero, "queued behind an older message of its key", CancellationToken.None);
        }
        else
        {
            await sender.SendAsync(records, TimeSpan.Zero, cancellationToken, markSent: marks is null ? null : marks.Add);
        }
    }
}
