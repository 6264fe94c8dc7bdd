using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Identity;

/// <summary>
/// The processor stopped: Payguru's <c>verify</c> is still answered, <c>{"status":false,"tckn":null}</c> with 503,
/// once <c>Gateway:IdentityTimeout</c> has passed (well within Payguru's own timeout, here the sandbox's 10 s).
/// </summary>
public sealed class IdentityProcessorDownTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Verify_with_the_processor_stopped_is_answered_status_false_within_the_identity_timeout()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        // Payguru's own patience, as the sandbox has it by default: 10 s for an answer.
        await using var sandbox = await IdentityScenario.StartSandboxAsync(gatewayUrl, extra: new Dictionary<string, string?> { ["Sandbox__Callbacks__Timeout"] = "00:00:10" });
        using var admin = new SandboxClient(sandbox.Url);
        var processor = await system.StartProcessorAsync();
        var (gateway, _) = await system.StartGatewayAsync(
            url: gatewayUrl, settings: new Dictionary<string, string?> { ["Gateway__IdentityTimeout"] = "00:00:01" });
        await using var __ = gateway;
        await using var events = await IdentityEvents.StartAsync(vhost);
        await events.RegisterAsync("ORDER-DOWN", IdentityScenario.Tckn);
        await events.WaitForAsync<Payguru.Contracts.Identity.OrderIdentityRegistered>(m => m.Order == "ORDER-DOWN", "OrderIdentityRegistered");
        await admin.SeedPaymentWithTcknAsync("ORDER-DOWN", IdentityScenario.Tckn);
        await processor.StopAsync(TimeSpan.FromSeconds(20));
        await processor.DisposeAsync();

        var check = await admin.CheckIdentityAsync("ORDER-DOWN", notify: false);

        // An HTTP status at all means the gateway answered before the sandbox's 10 s callback timeout.
        Assert.Equal(503, check.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(check.GetProperty("verifyStatus").GetBoolean());
        Assert.Equal("unverified", check.GetProperty("outcome").GetString());
        Assert.False(check.GetProperty("notified").GetBoolean());
        await gateway.WaitForOutputAsync(
            "TCKN verification of order ORDER-DOWN (DEMO): answered status false, the processor did not answer within 00:00:01", TimeSpan.FromSeconds(10));

        // The processor back: the stored identity was kept, and the same check passes again (asked until the
        // fresh processor answers within the gateway's 1 s: its first answers may be slow while it warms up).
        await using var restarted = await system.StartProcessorAsync();
        await Poll.WaitUntilAsync(
            async _ => (await admin.CheckIdentityAsync("ORDER-DOWN", notify: false)).GetProperty("tcknMatches").GetBoolean(),
            TimeSpan.FromSeconds(60), "the identity check to pass with the processor back", TimeSpan.FromSeconds(1));
        IdentityScenario.AssertNoTcknInOutput(restarted, gateway, sandbox.Process);
    }
}
