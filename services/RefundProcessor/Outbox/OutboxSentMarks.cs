using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Marks what writers sent as sent in batches, one statement per batch instead of one write transaction per message
/// (docs/architecture.md, storage); a mark waits at most <see cref="OutboxOptions.MarkSentInterval"/> after the one
/// before. Until then a sent message is unsent in the table: a crash leaves it to the relay, which sends it again with
/// its id (invariant 4), and this instance asks <see cref="IsSentUnmarked"/> so that it does not take it for unsent.
/// </summary>
public sealed class OutboxSentMarks(OutboxStore store, IOptions<OutboxOptions> options, ILogger<OutboxSentMarks> logger) : IHostedService
{
    // Dapper sends each sequence of the IN list as a parameter; SQL Server takes at most 2100.
    const int MaxPerStatement = 500;

    readonly object _gate = new();
    readonly HashSet<long> _unmarked = [];
    List<long> _queued = [];
    Task _marking = Task.CompletedTask;
    bool _markingRuns;

    public void Add(IReadOnlyCollection<long> sequences)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            _queued.AddRange(sequences);
            _unmarked.UnionWith(sequences);
            if (!_markingRuns)
            {
                _markingRuns = true;
                _marking = Task.Run(MarkQueuedAsync);
            }
        }
    }

    public bool IsSentUnmarked(long sequence)
    {
        lock (_gate)
        {
            return _unmarked.Contains(sequence);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _marking.WaitAsync(cancellationToken);
        }
    }

    async Task MarkQueuedAsync()
    {
        while (true)
        {
            List<long> batch;
            lock (_gate)
            {
                if (_queued.Count == 0)
                {
                    _markingRuns = false;
                    return;
                }

                batch = _queued;
                _queued = [];
            }

            var marked = new List<long>(batch.Count);
            try
            {
                foreach (var chunk in batch.Chunk(MaxPerStatement))
                {
                    await store.MarkSentAsync(chunk, CancellationToken.None);
                    marked.AddRange(chunk);
                }
            }
            catch (Exception exception)
            {
                // Kept for the next statement; should the process stop first, the relay sends them again.
                logger.LogWarning("Outbox: marking {Count} sent message(s) failed; trying again: {Error}", batch.Count - marked.Count, exception.Message);
            }

            lock (_gate)
            {
                _unmarked.ExceptWith(marked);
                _queued.InsertRange(0, batch.Except(marked));
            }

            // Real time, not the processor's clock: a window in which the next marks gather, nothing more.
            await Task.Delay(options.Value.MarkSentInterval);
        }
    }
}
