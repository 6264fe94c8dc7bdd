namespace Payguru.Sandbox.Stats;

/// <summary>What <c>GET /_sandbox/stats</c> reports; tests and benchmarks assert on it.</summary>
public sealed record StatsSnapshot(
    IReadOnlyDictionary<string, long> Calls,
    IReadOnlyDictionary<string, long> FaultsApplied,
    long TokensIssued,
    long TokensInvalidated,
    long Payments,
    long RefundsCreated,
    IReadOnlyDictionary<string, long> RefundsCreatedByOrder,
    long CallsInFlight,
    CallbackStats Callbacks,
    PaywallStats Paywall);
