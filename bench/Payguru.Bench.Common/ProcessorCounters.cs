namespace Payguru.Bench.Common;

/// <summary>The processor's counters the benches read (services/RefundProcessor/Telemetry/ProcessorMetrics.cs).</summary>
public static class ProcessorCounters
{
    public const string Meter = "Payguru.RefundProcessor";
    public const string WriteTransactions = "payguru.database.write_transactions";

    /// <summary>
    /// The counter a whole publication interval after the load stopped, so that what the load left to
    /// write (outbox rows marked sent in batches) is in it; null when the processor published nothing.
    /// </summary>
    public static async Task<double?> SettledAsync(ProcessCounter counter)
    {
        await counter.NextAsync(TimeSpan.FromSeconds(5));
        return await counter.NextAsync(TimeSpan.FromSeconds(5));
    }

    /// <summary>The settled counters of several processor instances, summed; null when one of them published nothing.</summary>
    public static async Task<double?> SettledSumAsync(IEnumerable<ProcessCounter> counters)
    {
        var totals = await Task.WhenAll(counters.Select(SettledAsync));
        return totals.Any(t => t is null) ? null : totals.Sum(t => t!.Value);
    }
}
