namespace Payguru.Bench.Common;

/// <summary>
/// The outcome of one measured load: how many operations succeeded, how long the whole load
/// took, each operation's latency, and a tally of the distinct failures.
/// </summary>
public sealed class LoadResult(int succeeded, TimeSpan elapsed, double[] latenciesMs, IReadOnlyDictionary<string, int> failures)
{
    // Sorted once so that every percentile is a lookup.
    readonly double[] sortedMs = [.. latenciesMs.Order()];

    public int Count => sortedMs.Length;

    public int Succeeded => succeeded;

    public int Failed => Count - Succeeded;

    public TimeSpan Elapsed => elapsed;

    /// <summary>Completed operations per second (failed ones included: see <see cref="Failed"/>).</summary>
    public double PerSecond => Count / elapsed.TotalSeconds;

    public IReadOnlyDictionary<string, int> Failures => failures;

    /// <summary>Nearest-rank percentile of the latencies, in milliseconds.</summary>
    public double PercentileMs(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * Count);
        return sortedMs[Math.Clamp(rank, 1, Count) - 1];
    }
}
