using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Sends outbox messages in sequence order under their original ids. It stops at the first failure (a broker that
/// refuses one message mostly refuses the next too) and makes the rest due again after <c>retryAfter</c>, so no
/// message overtakes an older one of its key. A relay's <c>mayGoOn</c> renews its lease before each message, so no
/// two instances send the same message. What went out is marked sent, or handed to <c>markSent</c> (<see cref="OutboxSentMarks"/>).
/// </summary>
public sealed class OutboxSender(
    IOutboxTransport transport,
    OutboxStore store,
    IOptions<OutboxOptions> options,
    ILogger<OutboxSender> logger)
{
    /// <returns>How many of <paramref name="records"/> were sent.</returns>
    public async Task<int> SendAsync(
        IReadOnlyList<OutboxRecord> records, TimeSpan retryAfter, CancellationToken cancellationToken, Func<CancellationToken, Task<bool>>? mayGoOn = null,
        Action<IReadOnlyCollection<long>>? markSent = null)
    {
        var sent = new List<long>(records.Count);
        try
        {
            foreach (var record in records)
            {
                if (mayGoOn is not null && !await mayGoOn(cancellationToken))
                {
                    break;
                }

                var (message, type) = OutboxSerializer.Read(record);
                using var relayed = OutboxTraceContext.Resume(record.TraceParent);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.PublishTimeout);
                await transport.PublishAsync(message, type, record.MessageId, timeout.Token);
                sent.Add(record.Sequence);
            }
        }
        catch (Exception exception)
        {
            var unsent = records.Select(r => r.Sequence).Except(sent).ToList();
            var reason = exception is OperationCanceledException ? "publish not confirmed in time" : exception.Message;
            logger.LogWarning("Outbox: {Unsent} message(s) left for the relay from sequence {First}: {Reason}", unsent.Count, unsent[0], reason);
            await store.PostponeAsync(unsent, retryAfter, reason, CancellationToken.None);
            if (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }
        finally
        {
            if (markSent is null)
            {
                await store.MarkSentAsync(sent, CancellationToken.None);
            }
            else
            {
                markSent(sent);
            }
        }

        return sent.Count;
    }
}
