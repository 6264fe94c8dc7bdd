using System.Globalization;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// One sandbox process and one fake merchant shared by the tests of <see cref="SandboxCollection"/>.
/// The sandbox's callbacks go to the fake merchant and retry quickly. A second merchant (456, service
/// SHOP) has its callbacks pointed at a port nobody listens on.
/// </summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public const string OtherMerchantId = "456";
    public const string OtherMerchantKey = "mk-456";
    public const string OtherServiceCode = "SHOP";

    public FakeMerchant Merchant { get; private set; } = null!;

    public RunningSandbox Sandbox { get; private set; } = null!;

    public SandboxClient Client { get; private set; } = null!;

    /// <summary>Where merchant 456's callbacks go: a free port, so every delivery is refused.</summary>
    public string DeadMerchantUrl { get; } = FreePort.NextHttpUrl();

    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMilliseconds(150);

    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.FromMilliseconds(600);

    public async Task InitializeAsync()
    {
        Merchant = await FakeMerchant.StartAsync();
        Sandbox = await RunningSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = Merchant.Url,
            ["Sandbox__Merchants__1__Id"] = OtherMerchantId,
            ["Sandbox__Merchants__1__Key"] = OtherMerchantKey,
            ["Sandbox__Merchants__1__ServerIp"] = Demo.ServerIp,
            ["Sandbox__Merchants__1__Name"] = "OTHER SHOP",
            ["Sandbox__Merchants__1__CallbackBaseUrl"] = DeadMerchantUrl,
            ["Sandbox__Merchants__1__Services__0__Code"] = OtherServiceCode,
            ["Sandbox__Merchants__1__Services__0__Key"] = "sk-shop",
            ["Sandbox__Merchants__1__Services__0__Id"] = "7",
            ["Sandbox__Callbacks__RetryDelay"] = RetryDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Sandbox__Callbacks__MaxRetryDelay"] = MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Sandbox__Callbacks__Timeout"] = "00:00:03",
        });
        Client = new SandboxClient(Sandbox.Url);
    }

    public async Task ResetAsync()
    {
        await Client.ResetAsync();
        Merchant.Reset();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        if (Merchant is not null)
        {
            await Merchant.DisposeAsync();
        }
    }
}
