using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Sends claimed outbox messages in sequence order and marks what went out. It stops at the
/// first failure, so nothing overtakes a message that did not go, and releases the rest of the
/// claim for the relay to retry. It also stops before its claim could run out mid-batch (a slow
/// broker), so that no other instance takes over rows it is still sending.
/// </summary>
public sealed class OutboxSender(
    IOutboxTransport transport,
    OutboxStore store,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    /// <returns>How many of <paramref name="records"/> were sent.</returns>
    public async Task<int> SendAsync(IReadOnlyList<OutboxRecord> records, string owner, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = new List<long>(records.Count);
        try
        {
            foreach (var record in records)
            {
                // A publish may take up to PublishTimeout: start one only while the claim outlasts it.
                if (sent.Count > 0 && clock.GetUtcNow() + settings.PublishTimeout > record.ClaimExpiresAt)
                {
                    await store.ReleaseAsync(records.Skip(sent.Count).Select(r => r.Sequence).ToList(), owner, TimeSpan.Zero, "claim time used up", CancellationToken.None);
                    break;
                }

                var (message, type) = OutboxSerializer.Read(record);
                using var relayed = OutboxTraceContext.Resume(record.TraceParent);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.PublishTimeout);
                await transport.PublishAsync(message, type, record.MessageId, timeout.Token);
                sent.Add(record.Sequence);
            }
        }
        catch (Exception exception)
        {
            var unsent = records.Select(r => r.Sequence).Except(sent).ToList();
            var reason = exception is OperationCanceledException ? "publish not confirmed in time" : exception.Message;
            logger.LogWarning("Outbox: {Unsent} message(s) left for the relay from sequence {First}: {Reason}", unsent.Count, unsent[0], reason);
            await store.ReleaseAsync(unsent, owner, retryAfter, reason, CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }
        finally
        {
            await store.MarkSentAsync(sent, CancellationToken.None);
        }

        return sent.Count;
    }
}
