using System.Data.Common;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Outbox;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>Ends an attempt with its event: records the outcome, guarded by the attempt's ownership, and the event through the outbox, in one transaction.</summary>
public sealed class AttemptCompletion(IDbConnectionFactory connections, OutboxWriter outbox)
{
    /// <returns>False when the attempt no longer owned the row (it was taken over): nothing was recorded.</returns>
    public async Task<bool> CompleteAsync(
        Func<DbTransaction, Task<bool>> recordOutcome, (object Message, Guid MessageId) outcomeEvent, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await recordOutcome(transaction))
        {
            return false;
        }

        await outbox.CommitAndSendAsync(transaction, [OutboxSerializer.Envelope(outcomeEvent.Message, outcomeEvent.MessageId)], cancellationToken);
        return true;
    }
}
