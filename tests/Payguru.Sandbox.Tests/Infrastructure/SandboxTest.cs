using Payguru.Provider.Signing;

namespace Payguru.Sandbox.Tests.Infrastructure;

/// <summary>A test against the shared sandbox: it starts from a reset sandbox and a fake merchant that has received nothing.</summary>
[Collection(SandboxCollection.Name)]
public abstract class SandboxTest(MerchantSandboxFixture fixture) : IAsyncLifetime
{
    protected MerchantSandboxFixture Fixture { get; } = fixture;

    protected SandboxClient Client => Fixture.Client;

    protected FakeMerchant Merchant => Fixture.Merchant;

    protected static string OtherMerchantTokenKey =>
        PayguruKeys.Token(MerchantSandboxFixture.OtherMerchantId, Demo.ServerIp, MerchantSandboxFixture.OtherMerchantKey);

    public Task InitializeAsync() => Fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A token of the demo merchant and a payment of <paramref name="order"/>, ready for refunds.</summary>
    protected async Task<string> TokenWithPaymentAsync(string order, string amount = "10.50")
    {
        await Client.SeedPaymentAsync(order, amount);
        return await Client.NewTokenAsync();
    }
}
