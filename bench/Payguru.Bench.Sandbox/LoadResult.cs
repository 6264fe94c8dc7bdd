namespace Payguru.Bench.Sandbox;

/// <summary>How long a load took, each operation's latency, and a tally of the failures.</summary>
public sealed class LoadResult(TimeSpan elapsed, double[] latenciesMs, IReadOnlyDictionary<string, int> failures)
{
    readonly double[] sortedMs = [.. latenciesMs.Order()];

    public int Count => sortedMs.Length;

    public int Failed => failures.Values.Sum();

    public TimeSpan Elapsed => elapsed;

    public double PerSecond => Count / elapsed.TotalSeconds;

    public IReadOnlyDictionary<string, int> Failures => failures;

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    public double PercentileMs(double percent) =>
        Count == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(percent / 100 * Count), 1, Count) - 1];
}
