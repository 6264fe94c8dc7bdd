using Payguru.Bench;
using Payguru.Bench.Common;

// Exit codes: 0 every target met, 1 a target missed, 2 the benchmark could not run.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchSettings.Usage);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var ct = cancellation.Token;

try
{
    // Baseline first. Neither load shares the cores with the processor: the baseline publishes
    // to a queue nobody consumes, and the processor starts only after the gateway's load, so
    // the ratio compares the gateway with a plain publish and nothing else.
    Console.WriteLine($"baseline: warm-up {settings.Warmup}, then {settings.Count} publishes at concurrency {settings.Concurrency} on vhost {settings.BaselineVirtualHost}");
    MeasuredLoad baseline;
    await using (var publisher = await BaselineLoad.StartAsync(settings.RabbitHost, settings.RabbitPort, settings.BaselineVirtualHost, ct))
    {
        await publisher.RunAsync(TxidRanges.Warmup, settings.Warmup, settings.Concurrency, ct);
        baseline = await MeasuredLoad.RunAsync(
            settings.SystemProcesses(), () => publisher.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, ct));
    }

    Console.WriteLine($"gateway: warm-up {settings.Warmup}, then {settings.Count} notifications at concurrency {settings.Concurrency} to {settings.GatewayUrl}");
    MeasuredLoad gateway;
    using (var notifier = new GatewayLoad(settings.GatewayUrl, settings.Concurrency))
    {
        await notifier.RunAsync(TxidRanges.Warmup, settings.Warmup, settings.Concurrency, ct);
        gateway = await MeasuredLoad.RunAsync(
            settings.SystemProcesses(), () => notifier.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, ct));
    }

    Console.WriteLine($"processor: starting it, then waiting until it has recorded the {settings.Count} payments (at most {settings.RecordTimeout.TotalSeconds:F0} s)");
    using var processor = ProcessorProcess.Start(settings.ProcessorDll, settings.DatabasePath, settings.WorkDirectory);
    var recorded = await RecordedPayments.WaitAsync(settings.DatabasePath, TxidRanges.Measured, settings.Count, settings.RecordTimeout, ct);
    // Every write since the processor started (its schema, start-up and the relay's lease included), over every payment it recorded.
    // Read once it is done: the counter holds its total, and a session opened while the runtime starts stalled it here.
    double? writesInAll;
    await using (var writes = ProcessCounter.Start(processor.Pid, ProcessorCounters.Meter, ProcessorCounters.WriteTransactions))
    {
        writesInAll = await ProcessorCounters.SettledAsync(writes);
    }

    var report = new BenchReport(
        settings,
        gateway,
        baseline,
        PeakWorkingSet.Read(settings.GatewayPid),
        PeakWorkingSet.Read(processor.Pid),
        recorded,
        writesInAll);
    report.Print(Console.Out);
    return report.Passes ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 2;
}
