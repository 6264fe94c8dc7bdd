using System.Data.Common;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// Ends an attempt with its event: records the outcome, guarded by the attempt's ownership, and the event through
/// the outbox, in one transaction, which it shares with the handlings and completions that arrive meanwhile
/// (<see cref="GroupCommit"/>): on SQLite's one write lock they queue in process instead of in SQLite's busy handler.
/// </summary>
public sealed class AttemptCompletion(GroupCommit groupCommit, OutboxWriter outbox)
{
    /// <returns>False when the attempt no longer owned the row (it was taken over): nothing was recorded.</returns>
    public async Task<bool> CompleteAsync(
        Func<DbTransaction, Task<bool>> recordOutcome, (object Message, Guid MessageId) outcomeEvent, CancellationToken cancellationToken)
    {
        IReadOnlyList<OutboxRecord> records = [];
        // May run twice (a group that cannot commit is redone alone): each run starts clean.
        await groupCommit.RunAsync(async (_, transaction) =>
        {
            records = await recordOutcome(transaction)
                ? await outbox.AddAsync(transaction, [OutboxSerializer.Envelope(outcomeEvent.Message, outcomeEvent.MessageId)])
                : [];
        }, cancellationToken);
        if (records.Count == 0)
        {
            return false;
        }

        await outbox.SendCommittedAsync(records, cancellationToken);
        return true;
    }
}
