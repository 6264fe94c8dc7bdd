using Payguru.Integration.Tests.Infrastructure;

namespace Payguru.Integration.Tests.Brokers;

/// <summary>One RabbitMQ node of the tests' own with a TLS listener, its certificates made by openssl (shared by a test class).</summary>
public sealed class TlsBroker : IAsyncLifetime
{
    TestCertificates? _certificates;
    RabbitMqCluster? _node;

    public TestCertificates Certificates => _certificates ?? throw new InvalidOperationException("not started");

    public RabbitMqCluster Node => _node ?? throw new InvalidOperationException("not started");

    public ushort TlsPort => Node.TlsPorts[0];

    public async Task InitializeAsync()
    {
        _certificates = await TestCertificates.CreateAsync();
        _node = await RabbitMqCluster.StartAsync(nodes: 1, _certificates.Directory);
    }

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        _certificates?.Dispose();
    }
}
