using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Refunds;

/// <summary>
/// The reconciliation poller: a refund Payguru paid without telling the merchant is found with
/// <c>refund/get</c> and published as <c>RefundSettled</c>, with the id the gateway's report would have.
/// </summary>
public sealed class ReconciliationTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Refund_paid_without_a_notification_is_reported_once_by_the_poller()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var sandbox = await DemoSystem.StartSandboxAsync();
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-P1", "10.00");
        var system = new DemoSystem(vhost, directory, output);
        var settings = DemoSystem.RefundSettings(sandbox);
        settings["Refunds__ReconcileAfter"] = "00:00:01";
        settings["Refunds__ReconcileInterval"] = "00:00:00.500";
        settings[ProcessorJob.Reconciler.LogLevelSetting] = "Debug";
        await using var processor = await system.StartProcessorAsync(settings: settings);
        await using var events = await RefundEvents.StartAsync(vhost);

        var request = new RequestRefund(Guid.NewGuid(), "ORDER-P1", "PG-P1", null, 3.00m, "Demo Customer", Demo.Iban, "poller");
        await events.SendAsync(request);
        var submitted = await events.WaitForSubmittedAsync(request.RefundRequestId);

        // Payguru's back office pays it; its notification never reaches the merchant.
        await admin.MoveRefundAsync(submitted.RefundId, new { status = 3, notify = false });
        var settled = await events.WaitForSettledAsync(submitted.RefundId, RefundStatuses.Paid, TimeSpan.FromSeconds(30));

        Assert.Equal("ORDER-P1", settled.Order);
        Assert.Equal("PG-P1", settled.PayguruCode);
        Assert.Equal(3.00m, settled.Amount);
        Assert.Equal("ziraatbank", settled.BankCode);
        Assert.Equal($"DEKONT{submitted.RefundId}", settled.BankReceiptNo);
        Assert.NotNull(settled.RefundTime);
        var (messageId, _) = Assert.Single(events.Settled);
        Assert.Equal(MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Paid), messageId);

        // Final now: later polls ask nothing more and publish nothing more. Of two passes ending after this
        // point the second began after it (the first may be the one that reported): it must do nothing.
        var calls = (await admin.StatsAsync()).GetProperty("calls").GetProperty("refund/get").GetInt32();
        await ProcessorJob.Reconciler.WaitForPassesAsync(processor, 2, fromLine: processor.OutputLineCount);
        Assert.Equal(calls, (await admin.StatsAsync()).GetProperty("calls").GetProperty("refund/get").GetInt32());
        Assert.Equal(1, processor.CountOutput($"Reconciliation: refund {submitted.RefundId} "));
        Assert.Single(events.Settled);
    }
}
