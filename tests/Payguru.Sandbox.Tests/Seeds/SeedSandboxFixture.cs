using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Seeds;

/// <summary>
/// A sandbox in the state the seed samples assume: the samples' token <c>{3E53E639-…}</c> is valid for
/// merchant 123, refund 12345 exists for order 12345 (refund ids start at 12345 here), and order
/// ORDER of the create sample has a payment. New tokens
/// do not end earlier ones, so the token sample leaves the samples' token working.
/// </summary>
public sealed class SeedSandboxFixture : IAsyncLifetime
{
    public const string SampleToken = "{3E53E639-5173-D1B6-9368-68FCBCF72342}";
    public const long SampleRefundId = 12345;

    public RunningSandbox Sandbox { get; private set; } = null!;

    public SandboxClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await RunningSandbox.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox__FirstRefundId"] = SampleRefundId.ToString(),
            ["Sandbox__NewTokenInvalidatesPrevious"] = "false",
        });
        Client = new SandboxClient(Sandbox.Url);
        await Client.SeedPaymentAsync("12345", "10.50", code: "PG-8F2K1");
        await Client.SeedPaymentAsync("ORDER", "10.50");
        await Client.PostJsonAsync("/_sandbox/tokens", new { merchant = Demo.MerchantId, token = SampleToken });
        Assert.Equal(SampleRefundId, await Client.CreatedRefundAsync(SampleToken, "12345", "0.50"));
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }
    }
}
