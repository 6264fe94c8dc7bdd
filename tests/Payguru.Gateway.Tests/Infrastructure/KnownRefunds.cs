using System.Collections.Concurrent;
using Payguru.Contracts.Refunds;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>The refund states the stand-in processor (<see cref="RefundQueryResponder"/>) knows.</summary>
public sealed class KnownRefunds
{
    readonly ConcurrentDictionary<Guid, RefundState> _states = new();
    int _queries;

    /// <summary>How many queries the stand-in answered.</summary>
    public int Queries => Volatile.Read(ref _queries);

    public void Add(RefundState state) => _states[state.RefundRequestId] = state;

    public RefundState? Find(Guid refundRequestId) => _states.GetValueOrDefault(refundRequestId);

    public void CountQuery() => Interlocked.Increment(ref _queries);
}
