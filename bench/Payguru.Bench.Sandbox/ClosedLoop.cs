using System.Collections.Concurrent;
using System.Diagnostics;

namespace Payguru.Bench.Sandbox;

/// <summary>
/// Runs operations 0..count-1 with <c>concurrency</c> in flight, each worker starting its next one
/// when the last ends, and times each one.
/// </summary>
public static class ClosedLoop
{
    const int MaxDistinctFailures = 20;

    /// <param name="operation">Runs operation i; null on success, else a short description of the failure.</param>
    public static async Task<LoadResult> RunAsync(
        int count, int concurrency, Func<int, CancellationToken, Task<string?>> operation, CancellationToken cancellationToken)
    {
        var latenciesMs = new double[count];
        var failures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var next = -1;

        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var started = Stopwatch.GetTimestamp();
                string? failure;
                try
                {
                    failure = await operation(i, cancellationToken);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = $"{e.GetType().Name}: {e.Message}";
                }

                latenciesMs[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (failure is not null)
                {
                    var key = failures.Count < MaxDistinctFailures || failures.ContainsKey(failure) ? failure : "(other failures)";
                    failures.AddOrUpdate(key, 1, (_, n) => n + 1);
                }
            }
        }

        var start = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, Math.Max(count, 1))).Select(_ => Task.Run(Worker, cancellationToken)));
        return new LoadResult(Stopwatch.GetElapsedTime(start), latenciesMs, failures);
    }
}
