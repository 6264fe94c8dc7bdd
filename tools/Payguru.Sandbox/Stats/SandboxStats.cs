using System.Collections.Concurrent;
using Payguru.Sandbox.Callbacks;
using Payguru.Sandbox.Wire;

namespace Payguru.Sandbox.Stats;

/// <summary>Counters for <c>GET /_sandbox/stats</c>. Lock-free: they sit on every call's path.</summary>
public sealed class SandboxStats
{
    readonly long[] calls = new long[ProviderEndpoints.All.Count];
    readonly long[] faults = new long[ProviderEndpoints.All.Count];
    readonly long[] callbackAttempts = new long[Enum.GetValues<CallbackKind>().Length];
    readonly long[] callbacksAccepted = new long[Enum.GetValues<CallbackKind>().Length];
    readonly ConcurrentDictionary<string, long> refundsByOrder = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, long> callbackAnswers = new(StringComparer.Ordinal);
    long tokensIssued;
    long tokensInvalidated;
    long payments;
    long refundsCreated;
    long tempTokens;
    long members;
    long callsInFlight;

    /// <summary>A provider call came in; it is in flight until <see cref="Handled"/>.</summary>
    public void Called(ProviderEndpoint endpoint)
    {
        Interlocked.Increment(ref calls[(int)endpoint]);
        Interlocked.Increment(ref callsInFlight);
    }

    /// <summary>A provider call's handling (its faults' delays and holds included) has ended.</summary>
    public void Handled() => Interlocked.Decrement(ref callsInFlight);

    public void Faulted(ProviderEndpoint endpoint) => Interlocked.Increment(ref faults[(int)endpoint]);

    public void TokenIssued() => Interlocked.Increment(ref tokensIssued);

    public void TokensInvalidated(int count) => Interlocked.Add(ref tokensInvalidated, count);

    public void PaymentRecorded() => Interlocked.Increment(ref payments);

    public void RefundCreated(string order)
    {
        Interlocked.Increment(ref refundsCreated);
        refundsByOrder.AddOrUpdate(order, 1, (_, n) => n + 1);
    }

    public void TempTokenIssued() => Interlocked.Increment(ref tempTokens);

    public void MemberCreated() => Interlocked.Increment(ref members);

    public void CallbackAttempted(CallbackKind kind, CallbackAnswer answer)
    {
        Interlocked.Increment(ref callbackAttempts[(int)kind]);
        if (answer.IsOk)
        {
            Interlocked.Increment(ref callbacksAccepted[(int)kind]);
        }

        callbackAnswers.AddOrUpdate(answer.Summary, 1, (_, n) => n + 1);
    }

    public StatsSnapshot Snapshot(long pendingCallbacks, long heldCallbacks) => new(
        PerEndpoint(calls),
        PerEndpoint(faults),
        Interlocked.Read(ref tokensIssued),
        Interlocked.Read(ref tokensInvalidated),
        Interlocked.Read(ref payments),
        Interlocked.Read(ref refundsCreated),
        new SortedDictionary<string, long>(refundsByOrder, StringComparer.Ordinal),
        Interlocked.Read(ref callsInFlight),
        new CallbackStats(
            Sum(callbackAttempts),
            Sum(callbacksAccepted),
            pendingCallbacks,
            heldCallbacks,
            KindStats(CallbackKind.Payment),
            KindStats(CallbackKind.Refund),
            KindStats(CallbackKind.Identity),
            new SortedDictionary<string, long>(callbackAnswers, StringComparer.Ordinal)),
        new PaywallStats(Interlocked.Read(ref tempTokens), Interlocked.Read(ref members)));

    /// <summary>Zeroes the counters; not the calls in flight, which are still being handled.</summary>
    public void Reset()
    {
        Array.Clear(calls);
        Array.Clear(faults);
        Array.Clear(callbackAttempts);
        Array.Clear(callbacksAccepted);
        refundsByOrder.Clear();
        callbackAnswers.Clear();
        tokensIssued = tokensInvalidated = payments = refundsCreated = tempTokens = members = 0;
    }

    CallbackKindStats KindStats(CallbackKind kind) =>
        new(Interlocked.Read(ref callbackAttempts[(int)kind]), Interlocked.Read(ref callbacksAccepted[(int)kind]));

    static long Sum(long[] counters) => counters.Select((_, i) => Interlocked.Read(ref counters[i])).Sum();

    static Dictionary<string, long> PerEndpoint(long[] counters) =>
        ProviderEndpoints.All.ToDictionary(e => e.Name(), e => Interlocked.Read(ref counters[(int)e]));
}
