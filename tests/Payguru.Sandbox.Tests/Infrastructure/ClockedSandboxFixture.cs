using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// The sandbox's own Program hosted in the test process on Kestrel (real HTTP on a free port) with a
/// <see cref="TestClock"/> as its <see cref="TimeProvider"/>, its callbacks going to a fake merchant: for the
/// tests of its delays, holds and callback retries, which move the sandbox's clock instead of waiting for time
/// to pass. Tests call <see cref="ResetAsync"/> first.
/// </summary>
public sealed class ClockedSandboxFixture : IAsyncLifetime
{
    WebApplicationFactory<Program>? _factory;
    FakeMerchant? _merchant;
    SandboxClient? _client;

    /// <summary>The sandbox's clock: nothing it delays ends before the test moves it.</summary>
    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeMerchant Merchant => _merchant ?? throw NotStarted();

    public SandboxClient Client => _client ?? throw NotStarted();

    public string Url { get; } = FreePort.NextHttpUrl();

    public async Task InitializeAsync()
    {
        _merchant = await FakeMerchant.StartAsync();
        var port = new Uri(Url).Port;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            .UseSetting("urls", Url)
            .UseSetting("Sandbox:Merchants:0:CallbackBaseUrl", _merchant.Url)
            .UseSetting("Sandbox:Callbacks:RetryDelay", MerchantSandboxFixture.RetryDelay.ToString("c", CultureInfo.InvariantCulture))
            .UseSetting("Sandbox:Callbacks:MaxRetryDelay", MerchantSandboxFixture.MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture))
            .UseSetting("Logging:LogLevel:Default", "Warning")
            .ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock)));
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        _client = new SandboxClient(Url);
        await Client.ResetAsync();
    }

    /// <summary>Clears the sandbox's state and the merchant's; the clock keeps its time.</summary>
    public async Task ResetAsync()
    {
        await Client.ResetAsync();
        Merchant.Reset();
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_merchant is not null)
        {
            await _merchant.DisposeAsync();
        }
    }

    static InvalidOperationException NotStarted() => new("The clocked sandbox has not started.");
}
