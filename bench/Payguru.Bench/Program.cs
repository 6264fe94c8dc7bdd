using Payguru.Bench;
using Payguru.Bench.Common;

// Exit codes: 0 every target met, 1 a target missed, 2 the benchmark could not run.
if (args is ["baseline-consumer", .. var consumerArgs])
{
    try
    {
        return await BaselinePaymentConsumer.RunAsync(BaselineConsumerSettings.Parse(consumerArgs));
    }
    catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(BenchSettings.Usage);
        return 2;
    }
}

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
    Console.WriteLine($"baseline: warm-up in rounds of {settings.Warmup}, then {settings.Count} publishes at concurrency {settings.Concurrency} on vhost {settings.BaselineVirtualHost}");
    MeasuredLoad baseline;
    await using (var publisher = await BaselineLoad.StartAsync(settings.RabbitHost, settings.RabbitPort, settings.BaselineVirtualHost, ct))
    {
        var warmup = await SteadyWarmup.RunAsync(
            [], SteadyWarmup.MaxRounds, r => publisher.RunAsync(TxidRanges.WarmupRound(r, settings.Warmup), settings.Warmup, settings.Concurrency, ct));
        Console.WriteLine($"  warm-up: {warmup.Describe(settings.Warmup)}");
        baseline = await MeasuredLoad.RunAsync(
            settings.SystemProcesses(), () => publisher.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, ct));
    }

    Console.WriteLine($"gateway: warm-up in rounds of {settings.Warmup}, then {settings.Count} notifications at concurrency {settings.Concurrency} to {settings.GatewayUrl}");
    MeasuredLoad gateway;
    int gatewayWarmups;
    using (var notifier = new GatewayLoad(settings.GatewayUrl, settings.Concurrency))
    {
        var warmup = await SteadyWarmup.RunAsync(
            [("gateway", settings.GatewayPid)], SteadyWarmup.MaxRounds,
            r => notifier.RunAsync(TxidRanges.WarmupRound(r, settings.Warmup), settings.Warmup, settings.Concurrency, ct));
        Console.WriteLine($"  warm-up: {warmup.Describe(settings.Warmup)}");
        gatewayWarmups = warmup.Rounds * settings.Warmup;
        gateway = await MeasuredLoad.RunAsync(
            settings.SystemProcesses(), () => notifier.RunAsync(TxidRanges.Measured, settings.Count, settings.Concurrency, ct));
    }

    Console.WriteLine($"processor: starting {settings.Processors} instance(s), then waiting until they have recorded the {settings.Count} payments (at most {settings.RecordTimeout.TotalSeconds:F0} s)");
    CountWait.Outcome recorded;
    double? writesInAll;
    long? processorPeak;
    var drainers = ProcessorProcess.Start("processor", settings.Processors, settings.ProcessorDll, settings.DatabasePath, virtualHost: null, quiet: false, settings.WorkDirectory);
    try
    {
        recorded = await RecordedPayments.WaitAsync(settings.DatabasePath, TxidRanges.Measured, settings.Count, settings.RecordTimeout, ct);
        // Every write since the processors started (their schema, start-up and the relay's lease included), over every payment recorded.
        writesInAll = await ProcessorWrites.ReadAsync(drainers);
        processorPeak = PeakWorkingSet.Read(drainers[0].Pid);
    }
    finally
    {
        Stop(drainers);
    }

    // The real case, same-run baseline first: a gateway of its own and a plain consumer at once, then a gateway and the processor(s).
    Console.WriteLine($"real case, baseline: a gateway and a plain MassTransit consumer at once on vhost {settings.ConsumerBaselineVirtualHost}, warm-up in rounds of {settings.Warmup}, then {settings.Count} notifications");
    RealCaseResult consumerBaseline;
    var progressFile = Path.Combine(settings.WorkDirectory, "baseline-consumer.progress");
    var (baselineGateway, baselineGatewayUrl) = await GatewayProcess.StartAsync(
        "gateway-baseline-consumer", settings.GatewayDll, settings.ConsumerBaselineVirtualHost, settings.WorkDirectory, ct);
    using (baselineGateway)
    using (var consumer = ChildProcess.Start(
        "baseline-consumer",
        typeof(BenchSettings).Assembly.Location,
        ["baseline-consumer", "--vhost", settings.ConsumerBaselineVirtualHost, "--progress-file", progressFile,
            "--rabbit-host", settings.RabbitHost, "--rabbit-port", settings.RabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        // The processor's GC (workstation, concurrent) rather than the load generator's (non-concurrent).
        new Dictionary<string, string> { ["DOTNET_gcConcurrent"] = "1" },
        settings.WorkDirectory))
    {
        await BrokerQueue.WaitForConsumersAsync(settings.ConsumerBaselineVirtualHost, Payguru.Messaging.Topology.ProcessorQueues.Payments, 1, ct);
        consumerBaseline = await RealCase.RunAsync(
            settings,
            baselineGatewayUrl,
            settings.RealCaseProcesses(baselineGateway.Pid, [("consumer", consumer.Pid)]),
            settings.ConsumerBaselineVirtualHost,
            async (first, _, token) => first >= TxidRanges.Measured
                ? await ConsumerProgress.ReadAsync(progressFile, measured: true, token)
                // Its warm-up count covers every round so far; the earlier rounds were all taken before this one began.
                : await ConsumerProgress.ReadAsync(progressFile, measured: false, token) - (first - TxidRanges.Warmup),
            ct);
    }

    Console.WriteLine($"real case: a gateway and {settings.Processors} processor instance(s) at once on vhost {settings.RealCaseVirtualHost} and a fresh database, warm-up in rounds of {settings.Warmup}, then {settings.Count} notifications");
    RealCaseResult realCase;
    double? realCaseWrites;
    var realCaseDatabase = Path.Combine(settings.WorkDirectory, "real-case.db");
    var (realGateway, realGatewayUrl) = await GatewayProcess.StartAsync(
        "gateway-real-case", settings.GatewayDll, settings.RealCaseVirtualHost, settings.WorkDirectory, ct);
    using (realGateway)
    {
        var processors = ProcessorProcess.Start(
            "processor-real-case", settings.Processors, settings.ProcessorDll, realCaseDatabase, settings.RealCaseVirtualHost, quiet: true, settings.WorkDirectory);
        try
        {
            await BrokerQueue.WaitForConsumersAsync(settings.RealCaseVirtualHost, Payguru.Messaging.Topology.ProcessorQueues.Payments, settings.Processors, ct);
            realCase = await RealCase.RunAsync(
                settings,
                realGatewayUrl,
                settings.RealCaseProcesses(realGateway.Pid, processors.Select((p, i) => (i == 0 ? "processor" : $"processor-{i + 1}", p.Pid))),
                settings.RealCaseVirtualHost,
                (first, count, token) => RecordedPayments.TryCountAsync(realCaseDatabase, first, count, token),
                ct);
            realCaseWrites = await ProcessorWrites.ReadAsync(processors);
        }
        finally
        {
            Stop(processors);
        }
    }

    var report = new BenchReport(
        settings,
        gatewayWarmups,
        gateway,
        baseline,
        PeakWorkingSet.Read(settings.GatewayPid),
        processorPeak,
        recorded,
        writesInAll,
        consumerBaseline,
        realCase,
        realCaseWrites);
    report.Print(Console.Out);
    return report.Passes ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 2;
}
catch (BenchCouldNotRunException ex)
{
    Console.Error.WriteLine($"the benchmark could not run: {ex.Message}");
    return 2;
}

static void Stop(IEnumerable<ChildProcess> processes)
{
    foreach (var process in processes)
    {
        process.Dispose();
    }
}
