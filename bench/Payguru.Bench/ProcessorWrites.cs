using Payguru.Bench.Common;

namespace Payguru.Bench;

/// <summary>
/// The write transactions processor instances made since they started, summed over the instances: each one's counter
/// read over EventPipe once it is done (a session opened while a runtime starts stalled it).
/// </summary>
public static class ProcessorWrites
{
    /// <summary>The sum, or null when an instance's counter could not be read.</summary>
    public static async Task<double?> ReadAsync(IEnumerable<ChildProcess> processors)
    {
        var counters = processors.Select(p => ProcessCounter.Start(p.Pid, ProcessorCounters.Meter, ProcessorCounters.WriteTransactions)).ToList();
        try
        {
            return await ProcessorCounters.SettledSumAsync(counters);
        }
        finally
        {
            foreach (var counter in counters)
            {
                await counter.DisposeAsync();
            }
        }
    }
}
