using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// Invariant 6 (docs/architecture.md): the refunds of an order never add up to more than its accepted payment, when the
/// processor knows the payment (from PaymentAccepted). Rejected refunds do not count; an order
/// whose payment is unknown is not limited.
/// </summary>
public sealed class OverRefundTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    static long _txid = 7_000_000 + Random.Shared.Next(1_000_000);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Refunds_of_a_known_payment_never_add_up_to_more_than_it()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var txid = NextTxid();
        await processor.RecordPaymentAsync(order, 10.00m, txid);

        var first = RefundHarness.Request(order, 6.00m);
        await processor.RequestAsync(first);
        var submitted = await processor.SubmittedAsync(first.RefundRequestId);
        Assert.Equal(($"PG-{txid}", "DEMO"), (submitted.PayguruCode, submitted.ServiceCode)); // taken from the recorded payment

        var tooMuch = RefundHarness.Request(order, 4.01m);
        await processor.RequestAsync(tooMuch);
        var rejected = await processor.RejectedAsync(tooMuch.RefundRequestId);
        Assert.Equal(RefundRejectionReasons.OverRefund, rejected.Reason);
        Assert.Contains("10.00", rejected.Message);
        Assert.Contains("6.00", rejected.Message);

        // The rejected 4.01 does not count: 4.00 still fits exactly.
        var rest = RefundHarness.Request(order, 4.00m);
        await processor.RequestAsync(rest);
        await processor.SubmittedAsync(rest.RefundRequestId);

        var oneCentMore = RefundHarness.Request(order, 0.01m);
        await processor.RequestAsync(oneCentMore);
        Assert.Equal(RefundRejectionReasons.OverRefund, (await processor.RejectedAsync(oneCentMore.RefundRequestId)).Reason);

        Assert.Equal(2, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(["6.00", "4.00"], (await sandbox.RefundsOfOrderAsync(order)).Select(r => r.Amount));
        Assert.Equal(
            [("submitted", "6.00"), ("rejected", "4.01"), ("submitted", "4.00"), ("rejected", "0.01")],
            await processor.QueryAsync<(string, string)>("SELECT state, amount FROM refunds WHERE order_ref = @Order ORDER BY requested_at;", new { Order = order }));
    }

    [Fact]
    public async Task Order_paid_twice_may_be_refunded_both_payments()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await processor.RecordPaymentAsync(order, 10.00m, NextTxid());
        await processor.RecordPaymentAsync(order, 5.00m, NextTxid());

        var all = RefundHarness.Request(order, 15.00m);
        await processor.RequestAsync(all);
        await processor.SubmittedAsync(all.RefundRequestId);
        var more = RefundHarness.Request(order, 0.01m);
        await processor.RequestAsync(more);

        Assert.Equal(RefundRejectionReasons.OverRefund, (await processor.RejectedAsync(more.RefundRequestId)).Reason);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
    }

    [Fact]
    public async Task Refund_refused_by_Payguru_does_not_count_against_the_payment()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await processor.RecordPaymentAsync(order, 10.00m, NextTxid());
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_005", count = 1 });

        var refused = RefundHarness.Request(order, 10.00m);
        await processor.RequestAsync(refused);
        Assert.Equal(RefundRejectionReasons.ProviderError, (await processor.RejectedAsync(refused.RefundRequestId)).Reason);

        var again = RefundHarness.Request(order, 10.00m);
        await processor.RequestAsync(again);
        await processor.SubmittedAsync(again.RefundRequestId);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
    }

    [Fact]
    public async Task Refunds_of_an_order_without_a_known_payment_are_not_limited()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00"); // Payguru knows it; the processor was never told

        var requests = new[] { RefundHarness.Request(order, 50.00m), RefundHarness.Request(order, 60.00m) };
        foreach (var request in requests)
        {
            await processor.RequestAsync(request);
            await processor.SubmittedAsync(request.RefundRequestId);
        }

        Assert.Empty(processor.Published<RefundRejected>());
        Assert.Equal(2, await sandbox.RefundsCreatedAsync());
    }

    [Fact]
    public async Task Concurrent_requests_of_one_order_never_exceed_its_payment()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await processor.RecordPaymentAsync(order, 10.00m, NextTxid());

        var requests = Enumerable.Range(0, 5).Select(_ => RefundHarness.Request(order, 3.00m)).ToList();
        var messageIds = await Task.WhenAll(requests.Select(r => processor.PublishAsync(r)));
        foreach (var messageId in messageIds)
        {
            Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        }

        var ids = requests.Select(r => r.RefundRequestId).ToHashSet();
        var submitted = await processor.PublishedAsync<RefundSubmitted>(m => ids.Contains(m.RefundRequestId), count: 3);
        var rejected = await processor.PublishedAsync<RefundRejected>(m => ids.Contains(m.RefundRequestId), count: 2);
        Assert.Equal(3, submitted.Count);
        Assert.All(rejected, r => Assert.Equal(RefundRejectionReasons.OverRefund, r.Message.Reason));
        Assert.Equal(3, await sandbox.RefundsCreatedAsync());
        Assert.Equal(
            [("rejected", 2L), ("submitted", 3L)],
            await processor.QueryAsync<(string, long)>("SELECT state, COUNT(*) FROM refunds WHERE order_ref = @Order GROUP BY state ORDER BY state;", new { Order = order }));
    }

    static long NextTxid() => Interlocked.Increment(ref _txid);
}
