using Payguru.Messaging.Topology;

namespace Payguru.Bench.Chaos;

/// <summary>
/// The faults, on three lanes that run side by side while the load runs: the broker (one node fault at a time, so a
/// majority is always left), the processors, and the provider (the sandbox's fault endpoints). Each lane goes through
/// its whole list at least once, and again while the run lasts; after each fault a probe measures the recovery.
/// </summary>
public sealed class FaultSchedule(
    Cluster cluster, BrokerPath gatewayPath, BrokerPath processorPath, IReadOnlyList<ChaosProcess> processors,
    ChaosSandbox sandbox, Load load, FaultLog log)
{
    static readonly TimeSpan FaultLength = TimeSpan.FromSeconds(10);
    static readonly TimeSpan Gap = TimeSpan.FromSeconds(3);
    int _processorKills;

    /// <summary>
    /// The three lanes; each ends after a whole pass once <paramref name="timeUp"/> is cancelled and it has made at
    /// least <paramref name="passes"/> (the default run makes two, so every fault happens more than once).
    /// </summary>
    public IEnumerable<Task> Start(int passes, CancellationToken timeUp, CancellationToken abort) =>
    [
        Task.Run(() => LaneAsync([NodeKillAsync, ConnectionCutAsync, NodeStopAppAsync], TimeSpan.FromSeconds(5), passes, timeUp, abort)),
        Task.Run(() => LaneAsync([ProcessorKillAsync], TimeSpan.FromSeconds(12), passes, timeUp, abort)),
        Task.Run(() => LaneAsync(
            [LostAnswerAsync, ServerErrorAsync, HoldAsync, TokenStormAsync, CallbackDuplicateAsync, CallbackReorderAsync],
            TimeSpan.FromSeconds(2), passes, timeUp, abort)),
    ];

    async Task LaneAsync(Func<CancellationToken, Task>[] faults, TimeSpan firstDelay, int passes, CancellationToken timeUp, CancellationToken abort)
    {
        await Task.Delay(firstDelay, abort);
        for (var pass = 1; pass <= passes || !timeUp.IsCancellationRequested; pass++)
        {
            foreach (var fault in faults)
            {
                await fault(abort);
                await Task.Delay(Gap, abort);
            }
        }
    }

    async Task NodeKillAsync(CancellationToken abort)
    {
        var node = await cluster.LeaderAsync(ProcessorQueues.Refunds);
        await cluster.KillAsync(node);
        var killed = DateTime.UtcNow;
        // A majority is left: the queues must get a new leader and the services a working channel without the node.
        var recovery = await load.ProbeAsync(abort);
        var down = DateTime.UtcNow - killed;
        if (down < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(5) - down, abort);
        }

        await cluster.RestartAsync(node);
        log.Add(new FaultRecord(FaultKinds.NodeKill, TookEffect: true, recovery, $"node {node}, leader of {ProcessorQueues.Refunds}"));
    }

    async Task NodeStopAppAsync(CancellationToken abort)
    {
        var node = await cluster.LeaderAsync(ProcessorQueues.Payments);
        await cluster.CtlAsync(node, "-q", "stop_app");
        var stopped = DateTime.UtcNow;
        // As after a kill: the rest of the cluster must carry on without the node.
        var recovery = await load.ProbeAsync(abort);
        var down = DateTime.UtcNow - stopped;
        if (down < FaultLength)
        {
            await Task.Delay(FaultLength - down, abort);
        }

        await cluster.CtlAsync(node, "-q", "start_app");
        log.Add(new FaultRecord(FaultKinds.NodeStopApp, TookEffect: true, recovery, $"node {node}, leader of {ProcessorQueues.Payments}"));
    }

    async Task ConnectionCutAsync(CancellationToken abort)
    {
        var open = gatewayPath.OpenConnections + processorPath.OpenConnections;
        gatewayPath.Cut();
        processorPath.Cut();
        await Task.Delay(FaultLength, abort);
        gatewayPath.Restore();
        processorPath.Restore();
        await ProbeAfterAsync(FaultKinds.ConnectionCut, open > 0, $"{open} connections reset", abort);
    }

    async Task ProcessorKillAsync(CancellationToken abort)
    {
        var processor = processors[_processorKills++ % processors.Count];
        processor.Crash();
        await Task.Delay(TimeSpan.FromSeconds(2), abort);
        processor.Start();
        await ProbeAfterAsync(FaultKinds.ProcessorKill, tookEffect: true, processor.Name, abort);
        // Room for the processor to consume again before the next kill.
        await Task.Delay(TimeSpan.FromSeconds(20), abort);
    }

    Task LostAnswerAsync(CancellationToken abort) =>
        ProviderFaultAsync(FaultKinds.LostAnswer, [new { endpoint = "refund/create", kind = "drop", count = 2 }], abort);

    Task ServerErrorAsync(CancellationToken abort) =>
        ProviderFaultAsync(FaultKinds.ServerError,
            [new { endpoint = "refund/create", kind = "status", status = 503, count = 2 }, new { endpoint = "refund/getByOrder", kind = "status", status = 500, count = 1 }],
            abort);

    // Past the processors' Payguru:RequestTimeout (3 s here): the refund is made, its outcome unknown to the caller.
    Task HoldAsync(CancellationToken abort) =>
        ProviderFaultAsync(FaultKinds.Hold, [new { endpoint = "refund/create", kind = "hold", delayMs = 6000, count = 1 }], abort);

    async Task TokenStormAsync(CancellationToken abort)
    {
        await sandbox.InvalidateTokensAsync(abort);
        await ProbeAfterAsync(FaultKinds.TokenStorm, tookEffect: true, null, abort);
    }

    Task CallbackDuplicateAsync(CancellationToken abort) =>
        ProviderFaultAsync(FaultKinds.CallbackDuplicate, [new { endpoint = "callbacks", kind = "twice", count = 3 }], abort);

    Task CallbackReorderAsync(CancellationToken abort) =>
        ProviderFaultAsync(FaultKinds.CallbackReorder, [new { endpoint = "callbacks", kind = "out-of-order", count = 3 }], abort, flush: true);

    /// <summary>
    /// Puts the faults in force until every use is spent (or 20 s passed: the load did not call the endpoint), then
    /// ends them; it took effect when at least one use was spent.
    /// </summary>
    async Task ProviderFaultAsync(string kind, object[] faults, CancellationToken abort, bool flush = false)
    {
        var ids = new List<int>();
        foreach (var fault in faults)
        {
            ids.Add(await sandbox.AddFaultAsync(fault, abort));
        }

        var counts = faults.Select(fault => (int)fault.GetType().GetProperty("count")!.GetValue(fault)!).ToArray();
        var spent = new int[ids.Count];
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var remaining = await sandbox.FaultRemainingAsync(ids[i], abort);
                spent[i] = remaining is null ? counts[i] : counts[i] - Math.Min(remaining.Value, counts[i]);
            }

            if (spent.Zip(counts).All(pair => pair.First == pair.Second))
            {
                break;
            }

            await Task.Delay(250, abort);
        }

        foreach (var id in ids)
        {
            await sandbox.RemoveFaultAsync(id, abort);
        }

        if (flush)
        {
            await sandbox.FlushCallbacksAsync(abort);
        }

        await ProbeAfterAsync(kind, spent.Sum() > 0, $"{spent.Sum()} of {counts.Sum()} uses spent", abort);
    }

    async Task ProbeAfterAsync(string kind, bool tookEffect, string? detail, CancellationToken abort) =>
        log.Add(new FaultRecord(kind, tookEffect, await load.ProbeAsync(abort), detail));
}
