using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Identity;

/// <summary>
/// A Payguru whose service key is not the merchant's (here the sandbox configured with another key): the
/// gateway answers <c>{"status":false,"tckn":null}</c> with 400 without asking the processor, and refuses the
/// report, so nothing is published and the stored identity stays.
/// </summary>
public sealed class IdentityWrongKeyTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Wrong_key_is_answered_status_false_without_asking_the_processor_and_the_report_is_refused()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        await using var sandbox = await IdentityScenario.StartSandboxAsync(gatewayUrl, "Form",
            new Dictionary<string, string?> { ["Sandbox__Merchants__0__Services__0__Key"] = "not-the-merchants-key" });
        using var admin = new SandboxClient(sandbox.Url);
        await using var processor = await system.StartProcessorAsync();
        var (gateway, _) = await system.StartGatewayAsync(url: gatewayUrl);
        await using var __ = gateway;
        await using var events = await IdentityEvents.StartAsync(vhost);
        await events.RegisterAsync("ORDER-KEY", IdentityScenario.Tckn);
        await events.WaitForAsync<Payguru.Contracts.Identity.OrderIdentityRegistered>(m => m.Order == "ORDER-KEY", "OrderIdentityRegistered");
        await admin.SeedPaymentWithTcknAsync("ORDER-KEY", IdentityScenario.Tckn);

        var check = await admin.CheckIdentityAsync("ORDER-KEY");

        Assert.Equal(400, check.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(check.GetProperty("verifyStatus").GetBoolean());
        Assert.Equal("unverified", check.GetProperty("outcome").GetString());
        Assert.Equal("400 invalid key", check.GetProperty("notificationAnswer").GetString());
        // The verify call and the unverified report (which the sandbox retries until OK); the gateway's output arrives through a pipe.
        await Poll.WaitUntilAsync(() => gateway.CountOutput("Refused a TCKN verification: invalid key") >= 2, TimeSpan.FromSeconds(10),
            "both calls refused for their key");
        Assert.False(processor.HasOutput("asked for"), "the processor was asked although the key was wrong");
        Assert.Equal(1L, await system.StoredHashesAsync("ORDER-KEY"));
        Assert.Empty(events.All<Payguru.Contracts.Identity.IdentityVerificationFailed>());
        Assert.Equal(0L, await vhost.GetMessageCountAsync(Payguru.Messaging.Topology.ProcessorQueues.IdentityResults) ?? 0L);
        IdentityScenario.AssertNoTcknInOutput(processor, gateway, sandbox.Process);
    }
}
