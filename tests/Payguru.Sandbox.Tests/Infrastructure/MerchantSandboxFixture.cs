using System.Globalization;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>
/// One sandbox process and one fake merchant shared by the tests of <see cref="SandboxCollection"/>.
/// The sandbox's callbacks go to the fake merchant and retry quickly. A second merchant (456, service
/// SHOP) has its callbacks pointed at a port nobody listens on. The sandbox logs at its default level (the log tests read it).
/// </summary>
public sealed class MerchantSandboxFixture : SandboxFixture
{
    public const string OtherMerchantId = "456";
    public const string OtherMerchantKey = "mk-456";
    public const string OtherServiceCode = "SHOP";

    FakeMerchant? _merchant;

    public FakeMerchant Merchant => _merchant ?? throw new InvalidOperationException("The fake merchant has not started.");

    /// <summary>The admin and protocol client of these tests.</summary>
    public SandboxClient Client => Admin;

    /// <summary>Where merchant 456's callbacks go: a free port, so every delivery is refused.</summary>
    public string DeadMerchantUrl { get; } = FreePort.NextHttpUrl();

    public static TimeSpan RetryDelay { get; } = TimeSpan.FromMilliseconds(150);

    public static TimeSpan MaxRetryDelay { get; } = TimeSpan.FromMilliseconds(600);

    public override async Task ResetAsync()
    {
        await base.ResetAsync();
        Merchant.Reset();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_merchant is not null)
        {
            await _merchant.DisposeAsync();
        }
    }

    protected override async Task<IReadOnlyDictionary<string, string?>> Environment()
    {
        _merchant = await FakeMerchant.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Sandbox__Merchants__0__CallbackBaseUrl"] = _merchant.Url,
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
        };
    }
}
