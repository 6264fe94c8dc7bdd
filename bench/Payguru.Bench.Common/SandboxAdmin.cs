using System.Net.Http.Json;
using System.Text.Json;

namespace Payguru.Bench.Common;

/// <summary>
/// The sandbox's admin API (tools/Payguru.Sandbox/README.md, <c>/_sandbox</c>) as the benchmarks
/// use it: a fresh state, payments Payguru knows of (so that refunds of their orders work), and
/// the counters that show what the sandbox was asked to do.
/// </summary>
public sealed class SandboxAdmin(HttpClient http)
{
    /// <summary>Clears tokens, payments, refunds and counters.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsync("/_sandbox/reset", null, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>Records a paid order, without a notification.</summary>
    public async Task SeedPaymentAsync(string order, string amount, CancellationToken cancellationToken)
    {
        using var answer = await http.PostAsJsonAsync("/_sandbox/payments", new { order, amount }, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    /// <summary>Records the paid orders, <paramref name="concurrency"/> at a time.</summary>
    public Task SeedPaymentsAsync(IReadOnlyList<string> orders, string amount, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            orders,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (order, ct) => await SeedPaymentAsync(order, amount, ct));

    public async Task<SandboxStats> StatsAsync(CancellationToken cancellationToken)
    {
        var stats = await http.GetFromJsonAsync<JsonElement>("/_sandbox/stats", cancellationToken);
        var calls = stats.GetProperty("calls").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64(), StringComparer.Ordinal);
        return new SandboxStats(stats.GetProperty("refundsCreated").GetInt64(), calls);
    }
}

/// <summary>What <c>GET /_sandbox/stats</c> counted: refunds actually made, and calls received per endpoint (faulted ones included).</summary>
public sealed record SandboxStats(long RefundsCreated, IReadOnlyDictionary<string, long> Calls)
{
    public long CallsTo(string endpoint) => Calls.TryGetValue(endpoint, out var count) ? count : 0;
}
