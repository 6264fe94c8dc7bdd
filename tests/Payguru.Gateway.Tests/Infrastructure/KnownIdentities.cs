using System.Collections.Concurrent;
using Payguru.Contracts.Identity;

namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>The TCKN hashes the stand-in processor (<see cref="IdentityQueryResponder"/>) knows, and what it was asked.</summary>
public sealed class KnownIdentities
{
    readonly ConcurrentDictionary<(string Order, string ServiceCode), string> _hashes = new();
    readonly ConcurrentQueue<GetIdentityAnswer> _asked = new();

    public IReadOnlyList<GetIdentityAnswer> Asked => [.. _asked];

    public void Add(string order, string serviceCode, string tcknHash) => _hashes[(order, serviceCode)] = tcknHash;

    public string? Find(GetIdentityAnswer request)
    {
        _asked.Enqueue(request);
        return _hashes.GetValueOrDefault((request.Order, request.ServiceCode));
    }
}
