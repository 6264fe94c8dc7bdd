using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// The reconciliation poller: a submitted refund without a final result is asked for with
/// <c>refund/get</c> once Refunds:ReconcileAfter old, and what changed is published as
/// RefundSettled through the outbox under the id the gateway would give it; nothing is published twice.
/// </summary>
public sealed class RefundReconcilerTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    static readonly TimeSpan ReconcileAfter = TimeSpan.FromHours(1); // the default

    readonly ManualTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Refund_paid_without_a_notification_is_published_as_RefundSettled_once()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox, clock: _clock);
        var reconciler = Reconciler(processor);
        var submitted = await SubmitAsync(processor, 3.30m);

        // Not old enough yet: nobody is asked.
        Assert.Equal(0, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sandbox.CallsAsync("refund/get"));

        await sandbox.Admin.MoveRefundAsync(submitted.RefundId, new { status = 3, notify = false });
        _clock.Advance(ReconcileAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(1, await reconciler.ReconcileOnceAsync(CancellationToken.None));

        var expectedId = MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Paid);
        var published = Assert.Single(processor.Published<RefundSettled>());
        Assert.Equal(expectedId, published.MessageId);
        var settled = published.Message;
        Assert.Equal((submitted.RefundId, submitted.Order, RefundStatuses.Paid, 3.30m), (settled.RefundId, settled.Order, settled.Status, settled.Amount));
        Assert.True(settled.IsPaid);
        Assert.NotNull(settled.BankName);
        Assert.NotNull(settled.BankReceiptNo);
        Assert.NotNull(settled.RefundTime);
        Assert.Equal(3L, await processor.ScalarAsync<long>("SELECT status FROM refund_results WHERE refund_id = @Id;", new { Id = submitted.RefundId }));
        // Through the outbox: stored, then sent under its id.
        await Poll.WaitUntilAsync(
            _ => processor.ScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE message_id = @Id AND sent_at IS NOT NULL;", new { Id = expectedId.ToString("D") }),
            sent => sent == 1,
            TimeSpan.FromSeconds(10),
            "the RefundSettled outbox row sent");

        // A second pass, now and much later: nothing new.
        Assert.Equal(0, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        _clock.Advance(ReconcileAfter * 3);
        Assert.Equal(0, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Single(processor.Published<RefundSettled>());
        Assert.Equal(1, await sandbox.CallsAsync("refund/get"));
    }

    [Fact]
    public async Task Refund_moving_on_is_asked_again_at_most_every_ReconcileAfter_and_each_new_status_published()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox, clock: _clock);
        var reconciler = Reconciler(processor);
        var submitted = await SubmitAsync(processor, 1.00m);

        await sandbox.Admin.MoveRefundAsync(submitted.RefundId, new { status = 2, notify = false });
        _clock.Advance(ReconcileAfter + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Equal(
            [MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Updated)],
            processor.Published<RefundSettled>().Select(m => m.MessageId));

        // Paid meanwhile, but asked only a moment ago: not asked again yet.
        await sandbox.Admin.MoveRefundAsync(submitted.RefundId, new { status = 3, notify = false });
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Equal(1, await sandbox.CallsAsync("refund/get"));

        _clock.Advance(ReconcileAfter);
        Assert.Equal(1, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Equal(
            [MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Updated), MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Paid)],
            processor.Published<RefundSettled>().Select(m => m.MessageId));
        Assert.Equal(2, await sandbox.CallsAsync("refund/get"));
    }

    [Fact]
    public async Task Refund_already_reported_paid_is_not_asked_for()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox, clock: _clock);
        var reconciler = Reconciler(processor);
        var submitted = await SubmitAsync(processor, 1.00m);
        var messageId = MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Paid);
        await processor.PublishAsync(
            new RefundSettled(submitted.RefundId, submitted.Order, null, RefundStatuses.Paid, 1.00m, "Ziraat", "0010", 10, "DEKONT", _clock.GetUtcNow(), null),
            messageId);
        await processor.FinishedAsync(messageId);

        _clock.Advance(ReconcileAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(0, await reconciler.ReconcileOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sandbox.CallsAsync("refund/get"));
    }

    async Task<RefundSubmitted> SubmitAsync(ProcessorHarness processor, decimal amount)
    {
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, amount);
        await processor.RequestAsync(request);
        return await processor.SubmittedAsync(request.RefundRequestId);
    }

    static RefundReconciler Reconciler(ProcessorHarness processor) =>
        processor.Services.GetServices<IHostedService>().OfType<RefundReconciler>().Single();
}
