using System.Net;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Ids;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Identity;

/// <summary>
/// Payguru's identity check end to end, all real: RegisterOrderIdentity on RabbitMQ to the processor, the
/// sandbox (as Payguru) calling the gateway's <c>/TCKNVerifyService</c>, the gateway asking the processor over
/// the bus, the outcome published by the gateway and the stored identity erased by the processor.
/// </summary>
public sealed class IdentityCheckTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Theory]
    [InlineData("Query")]
    [InlineData("Json")]
    public async Task Registered_identity_is_answered_verified_published_and_erased(string form)
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        await using var sandbox = await IdentityScenario.StartSandboxAsync(gatewayUrl, form);
        using var admin = new SandboxClient(sandbox.Url);
        await using var processor = await system.StartProcessorAsync();
        var (gateway, _) = await system.StartGatewayAsync(url: gatewayUrl, settings: IdentityScenario.PatientGateway);
        await using var __ = gateway;
        await using var events = await IdentityEvents.StartAsync(vhost);
        var order = $"ORDER-ID-{form}";

        await events.RegisterAsync(order, IdentityScenario.Tckn);
        var (_, registered) = await events.WaitForAsync<OrderIdentityRegistered>(m => m.Order == order, "OrderIdentityRegistered");
        Assert.False(registered.Replaced);
        Assert.Equal(1L, await system.StoredHashesAsync(order));
        var txid = await admin.SeedPaymentWithTcknAsync(order, IdentityScenario.Tckn);

        var check = await admin.CheckIdentityAsync(order);

        Assert.Equal(200, check.GetProperty("verifyHttpStatus").GetInt32());
        Assert.True(check.GetProperty("verifyStatus").GetBoolean());
        Assert.True(check.GetProperty("tcknMatches").GetBoolean());
        Assert.Equal("verified", check.GetProperty("outcome").GetString());
        Assert.Equal("OK", check.GetProperty("notificationAnswer").GetString());
        var (messageId, verified) = await events.WaitForAsync<IdentityVerified>(m => m.Order == order, "IdentityVerified");
        Assert.Equal(MessageIds.IdentityVerification(txid, order, "verified"), messageId);
        Assert.Equal((txid, 25.00m, "DEMO", "ziraatbank", "10"), (verified.Txid, verified.Amount, verified.ServiceCode, verified.Bank, verified.BankNo));
        await system.WaitForStoredHashesAsync(order, 0);
        Assert.Empty(events.All<IdentityVerificationFailed>());

        // Asked again after the check: nothing is kept, so Payguru reads status false.
        var again = await admin.CheckIdentityAsync(order, notify: false);
        Assert.Equal(200, again.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(again.GetProperty("verifyStatus").GetBoolean());
        IdentityScenario.AssertNoTcknInOutput(processor, gateway, sandbox.Process);
    }

    [Fact]
    public async Task Other_customer_and_unknown_order_are_answered_unverified_and_reported_as_failed()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        await using var sandbox = await IdentityScenario.StartSandboxAsync(gatewayUrl);
        using var admin = new SandboxClient(sandbox.Url);
        await using var processor = await system.StartProcessorAsync();
        var (gateway, client) = await system.StartGatewayAsync(url: gatewayUrl, settings: IdentityScenario.PatientGateway);
        await using var __ = gateway;
        await using var events = await IdentityEvents.StartAsync(vhost);

        // The shop registered one customer; Payguru's payment was made by another.
        await events.RegisterAsync("ORDER-OTHER", IdentityScenario.Tckn);
        await events.WaitForAsync<OrderIdentityRegistered>(m => m.Order == "ORDER-OTHER", "OrderIdentityRegistered");
        var otherTxid = await admin.SeedPaymentWithTcknAsync("ORDER-OTHER", IdentityScenario.OtherTckn);
        var other = await admin.CheckIdentityAsync("ORDER-OTHER");
        Assert.True(other.GetProperty("verifyStatus").GetBoolean());
        Assert.False(other.GetProperty("tcknMatches").GetBoolean());
        Assert.Equal("unverified", other.GetProperty("outcome").GetString());
        Assert.Equal("OK", other.GetProperty("notificationAnswer").GetString());
        var (otherId, _) = await events.WaitForAsync<IdentityVerificationFailed>(m => m.Order == "ORDER-OTHER", "IdentityVerificationFailed");
        Assert.Equal(MessageIds.IdentityVerification(otherTxid, "ORDER-OTHER", "unverified"), otherId);
        await system.WaitForStoredHashesAsync("ORDER-OTHER", 0);

        // An order nobody registered: status false, 200, then unverified.
        await admin.SeedPaymentWithTcknAsync("ORDER-NEVER", IdentityScenario.Tckn);
        var unknown = await admin.CheckIdentityAsync("ORDER-NEVER");
        Assert.Equal(200, unknown.GetProperty("verifyHttpStatus").GetInt32());
        Assert.False(unknown.GetProperty("verifyStatus").GetBoolean());
        Assert.Equal("unverified", unknown.GetProperty("outcome").GetString());
        await events.WaitForAsync<IdentityVerificationFailed>(m => m.Order == "ORDER-NEVER", "IdentityVerificationFailed of the unknown order");
        Assert.Empty(events.All<IdentityVerified>());

        // A TCKN that is not one never gets stored.
        await events.RegisterAsync("ORDER-BAD", "10000000145");
        var (_, rejected) = await events.WaitForAsync<OrderIdentityRejected>(m => m.Order == "ORDER-BAD", "OrderIdentityRejected");
        Assert.Equal(IdentityRejectionReasons.InvalidTckn, rejected.Reason);
        Assert.Equal(0L, await system.StoredHashesAsync("ORDER-BAD"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/TCKNVerifyService?order=ORDER-BAD&notification_type=verify&key=" +
            Payguru.Provider.Signing.PayguruKeys.TcknVerify(Demo.Service, Demo.Merchant, "ORDER-BAD"))).StatusCode);
        IdentityScenario.AssertNoTcknInOutput(processor, gateway, sandbox.Process);
        Assert.DoesNotContain("10000000145", processor.OutputText);
    }
}
