using Payguru.Integration.Tests.Infrastructure;

namespace Payguru.Integration.Tests.Brokers;

/// <summary>A three-node RabbitMQ cluster of the tests' own, for a test class that kills its nodes.</summary>
public sealed class BrokerCluster : IAsyncLifetime
{
    RabbitMqCluster? _cluster;

    public RabbitMqCluster Nodes => _cluster ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _cluster = await RabbitMqCluster.StartAsync(nodes: 3);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
