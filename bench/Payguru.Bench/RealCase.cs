using System.Diagnostics;
using Payguru.Bench.Common;
using Payguru.Messaging.Topology;

namespace Payguru.Bench;

/// <summary>
/// The real case: a gateway and its consumer (the processor, or the baseline's plain consumer) running at the same
/// time, on the same cores. Warm-up rounds first (<see cref="SteadyWarmup"/>), each until the consumer has it; then the measured
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
        var measured = processes.ToList();
        // Each round ends once the consumer has it, so that the consumer's JIT is done too.
        var warmup = await SteadyWarmup.RunAsync(measured, SteadyWarmup.MaxRounds, async round =>
        {
            var first = TxidRanges.WarmupRound(round, settings.Warmup);
            await notifier.RunAsync(first, settings.Warmup, settings.Concurrency, cancellationToken);
            var warmedUp = await CountWait.WaitAsync(
                ct => consumed(first, settings.Warmup, ct), settings.Warmup, PollInterval, settings.RecordTimeout, cancellationToken);
            if (warmedUp.Count < settings.Warmup)
            {
                throw new BenchCouldNotRunException($"the consumer on {virtualHost} took {warmedUp.Count} of the {settings.Warmup} notifications of warm-up round {round + 1}");
            }
        });

        // The count is polled from the load's start, so that the moment it reaches N is seen within a poll, also while
        // the depth is read (rabbitmqctl takes about a second).
        var started = Stopwatch.GetTimestamp();
        var consuming = CountWait.WaitAsync(
            ct => consumed(TxidRanges.Measured, settings.Count, ct), settings.Count, PollInterval, settings.RecordTimeout, cancellationToken);
        var load = await MeasuredLoad.RunAsync(
            measured, () => notifier.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, cancellationToken));
        var depth = await BrokerQueue.ReadAsync(virtualHost, ProcessorQueues.Payments, cancellationToken);
        var outcome = await consuming;
        return new RealCaseResult(warmup, warmup.Rounds * settings.Warmup, load, depth, outcome.Count, Stopwatch.GetElapsedTime(started, outcome.ReachedAt));
    }
}
