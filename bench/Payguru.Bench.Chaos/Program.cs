using System.Globalization;
using Payguru.Bench.Chaos;

// bench/chaos.sh's driver (see ../README.md): the system on the cluster, the load and the faults for the run's time,
// then quiet, the checks and the verdict table. Exit code: 0 no violation, 1 a violation, 2 the run could not be made.
ChaosSettings settings;
try
{
    settings = ChaosSettings.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or IOException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var abort = new CancellationTokenSource(settings.Duration + TimeSpan.FromMinutes(20));
var cluster = new Cluster(settings);
var events = new RecordedEvents();
var ledger = new Ledger();
var faults = new FaultLog();
var database = new ProcessorDatabase(settings.DatabasePath);
await using var system = ChaosSystem.Create(settings);
await using var bus = await ChaosBus.StartAsync(settings.NodePorts, events);
using var sandboxHttp = new HttpClient { BaseAddress = new Uri(system.SandboxUrl), Timeout = TimeSpan.FromSeconds(30) };
using var gatewayHttp = new HttpClient { BaseAddress = new Uri(system.GatewayUrl), Timeout = TimeSpan.FromSeconds(15) };
var sandbox = new ChaosSandbox(sandboxHttp);
var gateway = new ChaosGateway(gatewayHttp, ledger);
var load = new Load(sandbox, gateway, bus, database, events, ledger);

Log("starting the sandbox, two processors and the gateway on the cluster");
try
{
    await system.StartAsync(cluster, abort.Token);
    if (await load.ProbeAsync(abort.Token) is not { } first)
    {
        Log("the first probe did not get through with no fault: the system does not work here");
        return 2;
    }

    Log($"the first probe got through in {first.TotalSeconds:0.0} s");
}
catch (InvalidOperationException e)
{
    Log(e.Message);
    return 2;
}

// Every fault more than once in a default run; at least once in a short one (ChaosBenchTests' 60 s).
var passes = settings.Duration >= TimeSpan.FromSeconds(120) ? 2 : 1;
Log($"load and faults for {settings.Duration.TotalSeconds:0} s (each fault lane finishes its pass, and makes at least {passes})");
var started = DateTime.UtcNow;
using var timeUp = new CancellationTokenSource(settings.Duration);
using var loadEnd = CancellationTokenSource.CreateLinkedTokenSource(abort.Token);
var schedule = new FaultSchedule(cluster, system.GatewayPath, system.ProcessorPath, system.Processors, sandbox, load, faults);
var loadTasks = load.Start(loadEnd.Token, abort.Token).ToList();
var lanes = schedule.Start(passes, timeUp.Token, abort.Token).ToList();
try
{
    await Task.WhenAll(lanes);
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or OperationCanceledException)
{
    Log("a fault could not be injected: " + e.Message);
    return 2;
}
finally
{
    loadEnd.Cancel();
}

await Task.WhenAll(loadTasks);
var loadTime = DateTime.UtcNow - started;
Log($"load over after {loadTime.TotalSeconds:0} s; waiting for quiet");

// Faults off, held callbacks out, and a last end of day once every request has its outcome, so every refund is paid.
await sandbox.ClearFaultsAsync(abort.Token);
await sandbox.FlushCallbacksAsync(abort.Token);
var quietness = new Quiet(sandbox, database, cluster, events, ledger);
await quietness.WaitAsync(TimeSpan.FromMinutes(3), abort.Token);
await sandbox.EndOfDayAsync(abort.Token);
Interlocked.Increment(ref ledger.EndOfDayRuns);
var quiet = await quietness.WaitAsync(TimeSpan.FromMinutes(3), abort.Token);

var verdict = await Verdict.JudgeAsync(ledger, events, database, sandbox, cluster, faults, quiet, system.ServiceLogs, loadTime, abort.Token);
Console.WriteLine(verdict.Table(faults));
Console.WriteLine("faults injected: " + string.Join(' ', FaultKinds.All.Select(kind =>
    $"{kind}={faults.Of(kind).Count(r => r.TookEffect).ToString(CultureInfo.InvariantCulture)}")));
Console.WriteLine($"violations: {verdict.Violations.ToString(CultureInfo.InvariantCulture)}");
return verdict.Violations == 0 ? 0 : 1;

static void Log(string message) => Console.Error.WriteLine($"[chaos] {DateTime.UtcNow:HH:mm:ss} {message}");
