using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Refunds;

/// <summary>
/// A refund request through RabbitMQ, the processor and the sandbox over HTTP: its decision, its one
/// <c>refund/create</c>, the same request again, and the rejections.
/// </summary>
public sealed class RefundLifecycleTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Request_is_created_once_and_answered_again_with_the_same_outcome()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-R1", "10.50");
        var system = new DemoSystem(vhost, directory, output);
        var settings = DemoSystem.RefundSettings(sandbox);
        // getToken is counted: a first call slower than 2 s on a loaded machine would be sent again (see SharedTokenTests).
        settings["Payguru__RequestTimeout"] = "00:00:30";
        await using var processor = await system.StartProcessorAsync(settings: settings);
        await using var events = await RefundEvents.StartAsync(vhost);

        var request = Request("ORDER-R1", 2.50m);
        await events.SendAsync(request);
        var submitted = await events.WaitForSubmittedAsync(request.RefundRequestId);

        Assert.Equal("ORDER-R1", submitted.Order);
        Assert.Equal(2.50m, submitted.Amount);
        Assert.Equal("DEMO", submitted.ServiceCode);

        // The same request id again, in a new message: the same outcome, no second create.
        await events.SendAsync(request with { Reason = "retried by the caller" });
        await Poll.WaitUntilAsync(() => events.CountSubmitted(request.RefundRequestId) == 2, TimeSpan.FromSeconds(30), "the outcome answered again");
        Assert.All(events.Submitted.Where(e => e.Message.RefundRequestId == request.RefundRequestId), e => Assert.Equal(submitted.RefundId, e.Message.RefundId));
        var ids = events.Submitted.Where(e => e.Message.RefundRequestId == request.RefundRequestId).Select(e => e.MessageId).Distinct();
        Assert.Single(ids); // the same message id, so an inbox drops the copy

        var stats = await admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("refundsCreated").GetInt32());
        Assert.Equal(1, stats.GetProperty("calls").GetProperty("getToken").GetInt32());

        // What Payguru holds (the test's own token comes after the processor's work).
        var refund = Assert.Single((await admin.GetRefundsByOrderAsync(await admin.NewTokenAsync(), "ORDER-R1")).Data!);
        Assert.Equal(refund.Id, submitted.RefundId);
        Assert.Equal("2.50", refund.Amount);
        Assert.Equal(Demo.Iban, refund.RefundIban);
        Assert.Equal("Demo Customer", refund.RefundContact);
    }

    [Fact]
    public async Task Invalid_and_over_refunding_requests_are_rejected_without_a_provider_call()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-R2", "10.00");
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync(settings: DemoSystem.RefundSettings(sandbox));
        await using var events = await RefundEvents.StartAsync(vhost);
        // The processor knows the payment from the gateway's event; the over-refund check counts against it.
        await events.PublishAsync(new PaymentAccepted(
            900001, "PG-900001", "ORDER-R2", 10.00m, "10.00", 3, new DateTimeOffset(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3)), "ziraatbank", "DEMO"));
        await system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(30));

        var badIban = Request("ORDER-R2", 1.00m) with { Iban = "TR370006400012345678987654" };
        var badAmount = Request("ORDER-R2", 1.005m);
        var first = Request("ORDER-R2", 6.00m);
        var second = Request("ORDER-R2", 4.01m); // 6.00 + 4.01 > 10.00
        var third = Request("ORDER-R2", 4.00m);  // exactly the rest
        await events.SendAsync(badIban);
        await events.SendAsync(badAmount);
        Assert.Equal(RefundRejectionReasons.InvalidIban, (await events.WaitForRejectedAsync(badIban.RefundRequestId)).Reason);
        Assert.Equal(RefundRejectionReasons.InvalidAmount, (await events.WaitForRejectedAsync(badAmount.RefundRequestId)).Reason);

        await events.SendAsync(first);
        await events.WaitForSubmittedAsync(first.RefundRequestId);
        await events.SendAsync(second);
        var over = await events.WaitForRejectedAsync(second.RefundRequestId);
        Assert.Equal(RefundRejectionReasons.OverRefund, over.Reason);
        Assert.DoesNotContain("TR", over.Message);
        await events.SendAsync(third);
        await events.WaitForSubmittedAsync(third.RefundRequestId);

        var stats = await admin.StatsAsync();
        Assert.Equal(2, stats.GetProperty("calls").GetProperty("refund/create").GetInt32());
        Assert.Equal(2, stats.GetProperty("refundsCreated").GetInt32());
        Assert.DoesNotContain("TR800011100000000036888459", processor.OutputText);
        Assert.DoesNotContain("TR370006400012345678987654", processor.OutputText);
    }

    [Fact]
    public async Task Provider_error_is_carried_in_the_rejection()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync(settings: DemoSystem.RefundSettings(sandbox));
        await using var events = await RefundEvents.StartAsync(vhost);

        // No payment at Payguru for this order: the sandbox answers ERR_007 "order not found".
        var request = Request("ORDER-UNKNOWN", 1.00m);
        await events.SendAsync(request);
        var rejected = await events.WaitForRejectedAsync(request.RefundRequestId);

        Assert.Equal(RefundRejectionReasons.ProviderError, rejected.Reason);
        Assert.Equal("ERR_007", rejected.ProviderCode);
        Assert.Contains("order not found", rejected.Message);
    }

    static RequestRefund Request(string order, decimal amount) =>
        new(Guid.NewGuid(), order, null, null, amount, "Demo Customer", Demo.Iban, "test");
}
