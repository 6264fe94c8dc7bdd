using System.Collections.Concurrent;
using System.Diagnostics;

namespace Payguru.Bench.Common;

/// <summary>
/// Runs operations 0..count-1 with at most <c>concurrency</c> in flight (closed loop: each worker
/// starts its next operation when the previous one ends) and times each one. An operation that
/// throws counts as failed (its exception type and message are the failure); cancellation stops
/// the load and is thrown.
/// </summary>
public static class ConcurrentLoad
{
    // Enough to show what went wrong without letting a flood of distinct messages grow without bound.
    const int MaxDistinctFailures = 20;

    /// <param name="operation">Runs operation i; returns null on success, otherwise a short description of the failure.</param>
    public static async Task<LoadResult> RunAsync(
        int count, int concurrency, Func<int, CancellationToken, Task<string?>> operation, CancellationToken cancellationToken)
    {
        var latenciesMs = new double[count];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var succeeded = 0;
        var next = -1;

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(i, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"{ex.GetType().Name}: {ex.Message}";
                }

                latenciesMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is null)
                {
                    Interlocked.Increment(ref succeeded);
                }
                else if (failures.Count < MaxDistinctFailures || failures.ContainsKey(failure))
                {
                    failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
                }
                else
                {
                    failures.AddOrUpdate("(other failures)", 1, (_, n) => n + 1);
                }
            }
        }

        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(_ => Task.Run(Worker, cancellationToken)));
        var elapsed = Stopwatch.GetElapsedTime(start);

        return new LoadResult(succeeded, elapsed, latenciesMs, failures);
    }
}
