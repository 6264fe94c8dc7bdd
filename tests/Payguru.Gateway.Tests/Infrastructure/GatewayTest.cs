namespace Payguru.Gateway.Tests.Infrastructure;

/// <summary>
/// A test class with a gateway of its own (its in-memory broker included) and an HTTP client to it,
/// both disposed after each test.
/// </summary>
public abstract class GatewayTest(GatewayFactory gateway) : IAsyncLifetime
{
    protected GatewayFactory Gateway { get; } = gateway;

    protected HttpClient Client { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Client = Gateway.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Gateway.DisposeAsync();
    }
}
