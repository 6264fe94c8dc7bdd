using System.Globalization;
using Payguru.Bench.Common;
using Payguru.Bench.Sandbox;

// Exit codes: 0 the target was met, 1 it was missed, 2 the benchmark could not run.
BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or UriFormatException)
{
    Console.Error.WriteLine(e.Message);
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

using var session = new SandboxSession(settings);
try
{
    await session.PrepareAsync(ct);
}
catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
{
    Console.Error.WriteLine($"the sandbox at {settings.SandboxUrl} could not be prepared: {e.Message}");
    return 2;
}

var form = settings.Post ? "POST form" : "GET query";
Console.WriteLine($"refund/create ({form}) on {settings.SandboxUrl}: warm-up {settings.Warmup}, then {settings.Count} at concurrency {settings.Concurrency} over {settings.Orders} orders");
if (settings.Warmup > 0)
{
    await ConcurrentLoad.RunAsync(settings.Warmup, settings.Concurrency, session.CreateRefundAsync, ct);
}

TimeSpan? SandboxCpu() => settings.SandboxPid is { } pid ? ProcessCpuTime.Read(pid) : null;
var cpuBefore = SandboxCpu();
var result = await ConcurrentLoad.RunAsync(settings.Count, settings.Concurrency, session.CreateRefundAsync, ct);
var cpuAfter = SandboxCpu();
var created = await session.RefundsCreatedAsync(ct);

string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
Console.WriteLine();
Console.WriteLine($"  calls            {result.Count} in {F(result.Elapsed.TotalSeconds)} s, {result.Failed} failed");
Console.WriteLine($"  throughput       {F(result.PerSecond)} refund/create per second");
Console.WriteLine($"  latency          p50 {F(result.PercentileMs(50))} ms, p99 {F(result.PercentileMs(99))} ms, max {F(result.PercentileMs(100))} ms");
if (cpuBefore is { } before && cpuAfter is { } after)
{
    var cpu = after - before;
    Console.WriteLine($"  sandbox CPU      {F(cpu.TotalSeconds)} s ({F(cpu.TotalMilliseconds * 1000 / result.Count)} µs per call, {F(cpu / result.Elapsed * 100)} % of one core)");
}

var expected = settings.Warmup + settings.Count;
Console.WriteLine($"  sandbox counted  {created} refunds created (warm-up included; expected {expected})");
foreach (var (failure, count) in result.Failures.OrderByDescending(f => f.Value))
{
    Console.WriteLine($"  failure          {count} x {failure}");
}

// Every call must have made exactly one refund: a sandbox that answers fast by dropping work does not pass.
var countsMatch = created == expected;
var passes = result.PerSecond >= settings.TargetPerSecond && result.Failed == 0 && countsMatch;
Console.WriteLine();
Console.WriteLine(
    $"{(passes ? "PASS" : "FAIL")}: {F(result.PerSecond)} refund/create per second (target >= {F(settings.TargetPerSecond)}), " +
    $"{result.Failed} failed, {created} of {expected} refunds counted");
return passes ? 0 : 1;
