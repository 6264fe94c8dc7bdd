using System.Diagnostics;
using Payguru.Bench.Common;
using Payguru.Messaging.Topology;

namespace Payguru.Bench;

/// <summary>
/// The real case: a gateway and its consumer (the processor, or the baseline's plain consumer) running at the same
/// time, on the same cores. Warm-up notifications first, until the consumer has them all; then the measured
/// notifications, the queue's depth as the load ends, and the wait until the consumer has every measured one.
/// </summary>
public static class RealCase
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="consumed">How many of txids first..first+count-1 the consumer has (recorded or acknowledged); null while unreadable.</param>
    public static async Task<RealCaseResult> RunAsync(
        BenchSettings settings,
        Uri gatewayUrl,
        IEnumerable<(string Name, int Pid)> processes,
        string virtualHost,
        Func<long, int, CancellationToken, Task<long?>> consumed,
        CancellationToken cancellationToken)
    {
        using var notifier = new GatewayLoad(gatewayUrl, settings.Concurrency);
        await notifier.RunAsync(TxidRanges.Warmup, settings.Warmup, settings.Concurrency, cancellationToken);
        var warmedUp = await CountWait.WaitAsync(
            ct => consumed(TxidRanges.Warmup, settings.Warmup, ct), settings.Warmup, PollInterval, settings.RecordTimeout, cancellationToken);
        if (warmedUp.Count < settings.Warmup)
        {
            throw new BenchCouldNotRunException($"the consumer on {virtualHost} took {warmedUp.Count} of the {settings.Warmup} warm-up notifications");
        }

        // The count is polled from the load's start, so that the moment it reaches N is seen within a poll, also while
        // the depth is read (rabbitmqctl takes about a second).
        var started = Stopwatch.GetTimestamp();
        var consuming = CountWait.WaitAsync(
            ct => consumed(TxidRanges.Measured, settings.Count, ct), settings.Count, PollInterval, settings.RecordTimeout, cancellationToken);
        var load = await MeasuredLoad.RunAsync(
            processes, () => notifier.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, cancellationToken));
        var depth = await BrokerQueue.ReadAsync(virtualHost, ProcessorQueues.Payments, cancellationToken);
        var outcome = await consuming;
        return new RealCaseResult(load, depth, outcome.Count, Stopwatch.GetElapsedTime(started, outcome.ReachedAt));
    }
}
