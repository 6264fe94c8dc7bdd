using Payguru.Bench.Common;
using Payguru.Bench.Refunds;

// Exit codes: 0 every target met, 1 a target missed, 2 the benchmark could not run.
if (args is ["baseline-consumer", .. var consumerArgs])
{
    try
    {
        return await BaselineRefundConsumer.RunAsync(BaselineConsumerSettings.Parse(consumerArgs));
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
catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or UriFormatException)
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
var refunds = new BenchRefunds(settings.Orders);

try
{
    using var http = new HttpClient { BaseAddress = settings.SandboxUrl, Timeout = TimeSpan.FromSeconds(30) };
    var sandbox = new SandboxAdmin(http);
    Console.WriteLine($"sandbox: seeding a payment for each of {settings.Orders} orders at {settings.SandboxUrl}");
    await sandbox.SeedPaymentsAsync(refunds.Orders, BenchRefunds.PaymentAmount, concurrency: 8, ct);

    // Baseline first, then the system, each with its own warm-up. Neither shares the cores with
    // the other: the processor and the sandbox idle during the baseline, and the baseline consumer
    // during the system's load (their CPU shows under "other" if they do not).
    Console.WriteLine($"baseline: warm-up in rounds of {settings.Warmup}, then {settings.Count} refunds at concurrency {settings.Concurrency} on vhost {settings.BaselineVirtualHost}");
    MeasuredLoad baseline;
    long unmatched;
    await using (var load = await RefundLoad.StartAsync(settings.RabbitHost, settings.RabbitPort, settings.BaselineVirtualHost, ct))
    {
        var warmup = await SteadyWarmup.RunAsync(
            [("baseline", settings.BaselinePid)], SteadyWarmup.MaxRounds,
            r => load.RunAsync(refunds, r * settings.Warmup, settings.Warmup, settings.Concurrency, settings.RequestTimeout, ct));
        Console.WriteLine($"  warm-up: {warmup.Describe(settings.Warmup)}");
        baseline = await MeasuredLoad.RunAsync(
            settings.BaselineProcesses(),
            () => load.RunAsync(refunds, warmup.Rounds * settings.Warmup, settings.Count, settings.Concurrency, settings.RequestTimeout, ct));
        unmatched = load.Unmatched;
    }

    Console.WriteLine($"refunds: warm-up in rounds of {settings.Warmup}, then {settings.Count} refunds at concurrency {settings.Concurrency} through the processor on vhost {settings.VirtualHost}");
    MeasuredLoad system;
    SandboxStats afterWarmup;
    int systemWarmups;
    double? writesAfterWarmup, writesAfterLoad;
    var writes = new List<ProcessCounter>();
    try
    {
        await using (var load = await RefundLoad.StartAsync(settings.RabbitHost, settings.RabbitPort, settings.VirtualHost, ct))
        {
            var warmup = await SteadyWarmup.RunAsync(
                settings.SystemProcesses(), SteadyWarmup.MaxRounds,
                r => load.RunAsync(refunds, r * settings.Warmup, settings.Warmup, settings.Concurrency, settings.RequestTimeout, ct));
            Console.WriteLine($"  warm-up: {warmup.Describe(settings.Warmup)}");
            systemWarmups = warmup.Rounds * settings.Warmup;
            // One counter per processor instance, summed: the write transactions of all of them. Opened only now: a
            // process serves one metrics session at a time, and the warm-up's was reading its compiled methods.
            writes.AddRange(settings.ProcessorPids.Select(pid => ProcessCounter.Start(pid, ProcessorCounters.Meter, ProcessorCounters.WriteTransactions)));
            afterWarmup = await sandbox.StatsAsync(ct);
            writesAfterWarmup = await ProcessorCounters.SettledSumAsync(writes);
            system = await MeasuredLoad.RunAsync(
                settings.SystemProcesses(),
                () => load.RunAsync(refunds, systemWarmups, settings.Count, settings.Concurrency, settings.RequestTimeout, ct));

            // A late second create (there must be none) would show up here.
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            unmatched += load.Unmatched;
            writesAfterLoad = await ProcessorCounters.SettledSumAsync(writes);
        }
    }
    finally
    {
        foreach (var counter in writes)
        {
            await counter.DisposeAsync();
        }
    }

    var report = new BenchReport(
        settings,
        systemWarmups,
        system,
        baseline,
        afterWarmup,
        await sandbox.StatsAsync(ct),
        await RecordedRefunds.CountByStateAsync(settings.DatabasePath, ct),
        [.. settings.ProcessorPids.Select(PeakWorkingSet.Read)],
        unmatched,
        writesAfterLoad - writesAfterWarmup);
    report.Print(Console.Out);
    return report.Passes ? 0 : 1;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Console.Error.WriteLine("cancelled");
    return 2;
}
catch (Exception ex) when (ex is NoAnswerException or HttpRequestException or MassTransit.RabbitMqConnectionException)
{
    Console.Error.WriteLine($"the benchmark could not run: {ex.Message}");
    return 2;
}
