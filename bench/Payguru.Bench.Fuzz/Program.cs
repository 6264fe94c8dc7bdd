using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Payguru.Bench.Common;
using Payguru.Bench.Fuzz;

// Usage: Payguru.Bench.Fuzz --port P --gateway-pid PID [--count 10000] [--concurrency 16] [--flood 256] [--seed 1]
// Prints the figures; exit code 0 when every figure is right, 1 when one is wrong (fuzz.sh adds the queue check).
var settings = args.Chunk(2).ToDictionary(pair => pair[0].TrimStart('-'), pair => pair[1]);
int Setting(string name, int fallback) => settings.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
var port = Setting("port", 0);
var pid = Setting("gateway-pid", 0);
var count = Setting("count", 10_000);
var concurrency = Setting("concurrency", 16);
var flood = Setting("flood", 256);
var seed = Setting("seed", 1);
var apiKey = settings.GetValueOrDefault("api-key", "demo-api-key");
var timeout = TimeSpan.FromSeconds(30);

var probes = new Probes(new Random(seed), apiKey);
var kinds = probes.Kinds;
var picker = new Random(seed + 1);
var totalWeight = kinds.Sum(k => k.Weight);
var plan = new List<Probe>(count);
for (var i = 0; i < count; i++)
{
    var draw = picker.Next(totalWeight);
    var kind = kinds.First(k => (draw -= k.Weight) < 0);
    plan.Add(kind.Make() with { Kind = kind.Kind });
}

var perKind = new ConcurrentDictionary<string, ConcurrentDictionary<int, int>>();
int serverErrors = 0, forgedOk = 0, genuineOk = 0, genuineNotOk = 0, unanswered = 0, leftEarly = 0;
var started = DateTime.UtcNow;
await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (probe, _) =>
{
    var answer = await RawHttp.SendAsync(port, probe, timeout);
    var status = answer?.Status ?? 0;
    perKind.GetOrAdd(probe.Kind, _ => new()).AddOrUpdate(status, 1, (_, n) => n + 1);
    if (answer is null)
    {
        // Kestrel reads a caller's half-close as the caller leaving: a body cut short that way has no one to answer.
        Interlocked.Increment(ref probe.Mode == BodyMode.CutShort ? ref leftEarly : ref unanswered);
        return;
    }

    if (status >= 500)
    {
        Interlocked.Increment(ref serverErrors);
    }

    var ok = status is >= 200 and < 300;
    if (probe.Genuine)
    {
        Interlocked.Increment(ref ok && answer.Body == "OK" ? ref genuineOk : ref genuineNotOk);
    }
    else if ((ok && !probe.IsHealth) || answer.Body == "OK")
    {
        Interlocked.Increment(ref forgedOk);
    }
});
var mixSeconds = (DateTime.UtcNow - started).TotalSeconds;

// The flood: 8 MB bodies, half announced by Content-Length and half chunked, 64 in flight.
const long FloodBodyBytes = 8L * 1024 * 1024;
var floodStatuses = new ConcurrentDictionary<int, int>();
string[] floodPaths = ["/PhsNotifyService", "/PhsRefundNotifyService", "/TCKNVerifyService", "/refunds", "/client-tokens"];
started = DateTime.UtcNow;
await Parallel.ForEachAsync(Enumerable.Range(0, flood), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
{
    var chunked = i % 2 == 1;
    var path = floodPaths[i % floodPaths.Length];
    // Each door gets the content type it reads, so the body is refused for its size, not its type (415).
    var contentType = path.StartsWith("/Phs", StringComparison.Ordinal) ? "application/x-www-form-urlencoded" : "application/json";
    var head = Encoding.ASCII.GetBytes(
        $"POST {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Api-Key: {apiKey}\r\nContent-Type: {contentType}\r\n" +
        (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : $"Content-Length: {FloodBodyBytes}\r\n\r\n"));
    var answer = await RawHttp.SendLargeAsync(port, head, FloodBodyBytes, chunked, timeout);
    floodStatuses.AddOrUpdate(answer?.Status ?? 0, 1, (_, n) => n + 1);
});
var floodSeconds = (DateTime.UtcNow - started).TotalSeconds;
var peak = PeakWorkingSet.Read(pid);

string Statuses(IDictionary<int, int> statuses) =>
    string.Join(" ", statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "none" : s.Key.ToString(CultureInfo.InvariantCulture))}:{s.Value}"));

Console.WriteLine($"fuzz: {count} requests in {mixSeconds:0.0} s at {concurrency} in flight (seed {seed})");
Console.WriteLine($"  {"kind",-26} {"sent",6}  answers by status");
foreach (var (kind, _, _) in kinds)
{
    if (perKind.TryGetValue(kind, out var statuses))
    {
        Console.WriteLine($"  {kind,-26} {statuses.Values.Sum(),6}  {Statuses(statuses)}");
    }
}

var floodWrong = floodStatuses.Where(s => s.Key is not (400 or 413)).Sum(s => s.Value);
var peakMb = peak is { } bytes ? bytes / (1024.0 * 1024.0) : double.NaN;
Console.WriteLine($"flood: {flood} bodies of 8 MB at 64 in flight in {floodSeconds:0.0} s: {Statuses(floodStatuses)}");
Console.WriteLine($"5xx answers: {serverErrors} (must be 0)");
Console.WriteLine($"forged or malformed answered OK: {forgedOk} (must be 0)");
Console.WriteLine($"genuine answered OK: {genuineOk}");
Console.WriteLine($"genuine not answered OK: {genuineNotOk} (must be 0)");
Console.WriteLine($"requests without an answer: {unanswered} (must be 0; bodies cut short by a caller that left: {leftEarly})");
Console.WriteLine($"flood answers other than 400/413: {floodWrong} (must be 0)");
Console.WriteLine($"gateway peak RSS: {peakMb:0} MB (must be under 300 MB)");
var right = serverErrors == 0 && forgedOk == 0 && genuineNotOk == 0 && unanswered == 0 && floodWrong == 0 && peakMb < 300;
return right ? 0 : 1;
