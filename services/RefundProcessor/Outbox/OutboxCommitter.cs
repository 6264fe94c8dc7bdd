using System.Data.Common;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Ends a state change with its messages (invariant 4): adds them to the transaction, commits,
/// then sends them at once, or leaves them to the relay when older messages still wait, so that
/// nothing overtakes an older message. After the commit a failure only delays the messages.
/// </summary>
public sealed class OutboxCommitter(
    OutboxStore store,
    OutboxSender sender,
    ProcessorInstance instance,
    IOptions<OutboxOptions> options)
{
    public async Task CommitAsync(DbTransaction transaction, IReadOnlyList<OutboxEnvelope> messages, CancellationToken cancellationToken)
    {
        var records = await store.AddAsync(transaction, messages, instance.Id, options.Value.ClaimTimeout);
        await transaction.CommitAsync(cancellationToken);
        if (records.Count == 0)
        {
            return;
        }

        if (await store.HasOlderAwaitingRelayAsync(records[0].Sequence, cancellationToken))
        {
            await store.ReleaseAsync(records.Select(r => r.Sequence).ToList(), instance.Id, TimeSpan.Zero, "queued behind older messages", CancellationToken.None);
        }
        else
        {
            await sender.SendAsync(records, instance.Id, TimeSpan.Zero, cancellationToken);
        }
    }
}
