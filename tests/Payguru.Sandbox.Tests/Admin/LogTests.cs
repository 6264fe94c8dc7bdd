using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Admin;

public sealed class LogTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task The_log_never_shows_a_token_a_notification_key_or_a_secret_in_full()
    {
        var token = await Client.NewTokenAsync();
        await Client.PostJsonAsync("/_sandbox/tokens", new { token = "{PLANTED-SECRET-TOKEN}" });
        using (await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-LOG"), ("amount", "1.00"), ("order", "ORDER-LOG")]))
        {
        }

        var refundId = await Client.CreatedRefundAsync(token, "ORDER-LOG");
        await Client.MoveRefundAsync(refundId, new { status = 3 });
        var keys = (await Merchant.WaitForAsync(c => c.IsRefund)).Concat(Merchant.Received.Where(c => c.IsPayment)).Select(c => c["key"]).ToList();
        await Fixture.Sandbox.Process.WaitForOutputAsync($"refund notification {refundId} (order ORDER-LOG, status 3) to", RunningSandbox.Patience);

        var log = Fixture.Sandbox.Process.OutputText;
        Assert.Contains("Issued token", log);
        Assert.DoesNotContain(token, log);
        Assert.DoesNotContain("{PLANTED-SECRET-TOKEN}", log);
        Assert.DoesNotContain(Demo.TokenKey, log);
        Assert.All(keys, key => Assert.DoesNotContain(key, log));
        Assert.DoesNotContain(Demo.MerchantKey, log);
        Assert.DoesNotContain(Demo.ServiceKey, log);
        Assert.DoesNotContain(Demo.Iban, log);
    }
}
