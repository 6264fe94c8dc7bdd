using Payguru.Bench.Common;

namespace Payguru.Bench.Chaos;

/// <summary>
/// One service's way to the cluster through a <see cref="TcpProxy"/> per node, so that its broker connection can be
/// cut (every node at once, as a network partition of that service would look) while the others keep theirs.
/// </summary>
public sealed class BrokerPath : IAsyncDisposable
{
    readonly List<TcpProxy> _proxies;

    BrokerPath(List<TcpProxy> proxies) => _proxies = proxies;

    public static BrokerPath Start(IEnumerable<int> nodePorts) => new([.. nodePorts.Select(port => TcpProxy.Start("127.0.0.1", port))]);

    public IEnumerable<int> Ports => _proxies.Select(proxy => proxy.Port);

    public int OpenConnections => _proxies.Sum(proxy => proxy.OpenConnectionCount);

    public void Cut() => _proxies.ForEach(proxy => proxy.Cut());

    public void Restore() => _proxies.ForEach(proxy => proxy.Restore());

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies)
        {
            await proxy.DisposeAsync();
        }
    }
}
