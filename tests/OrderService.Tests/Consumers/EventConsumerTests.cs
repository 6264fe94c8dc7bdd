using OrderService.Consumers;
using OrderService.Tests.Infrastructure;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Testing.Events;

namespace OrderService.Tests.Consumers;

/// <summary>The refund and identity subscribers, fed the gateway's events as the kit builds them, ids included.</summary>
public sealed class EventConsumerTests
{
    [Fact]
    public async Task Paid_refund_is_reported_with_the_gateway_message_id()
    {
        await using var service = await OrderServiceHarness.StartAsync(refundOnPayment: 4.00m);
        await GatewayEvents.PaymentAccepted(28130, "ORDER-2001", 10.00m).PublishAsync(service.Harness.Bus);
        var submitted = Assert.Single(await service.Harness.PublishedAsync<RefundSubmitted>()).Context.Message;

        var settled = await service.Payguru.PayRefundAsync(submitted.RefundId);

        var consumed = Assert.Single(await service.Harness.ConsumedAsync<RefundSettledConsumer, RefundSettled>());
        Assert.Equal(Payguru.Contracts.Ids.MessageIds.RefundSettled(submitted.RefundId, RefundStatuses.Paid), consumed.Context.MessageId);
        Assert.True(consumed.Context.Message.IsPaid);
        Assert.Equal(4.00m, consumed.Context.Message.Amount);
        Assert.Equal($"DEKONT{submitted.RefundId}", settled.BankReceiptNo);
        Assert.Contains(service.Logs.Lines, line => line.StartsWith($"RefundSettled: Payguru refund {submitted.RefundId}, order ORDER-2001", StringComparison.Ordinal)
            && line.Contains("(paid: True)", StringComparison.Ordinal) && line.Contains($"message {consumed.Context.MessageId}", StringComparison.Ordinal));
        Assert.Contains(service.Logs.Lines, line => line.StartsWith($"RefundSubmitted: request {submitted.RefundRequestId}, Payguru refund {submitted.RefundId}", StringComparison.Ordinal));
        Assert.Equal(RefundStateNames.Paid, service.Payguru.StateOf(submitted.RefundRequestId)?.State);
    }

    [Fact]
    public async Task Repeated_identity_report_carries_the_same_message_id()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        var verified = GatewayEvents.IdentityVerified(28131, "ORDER-2002", 25.00m);
        var failed = GatewayEvents.IdentityVerificationFailed(28132, "ORDER-2003", 25.00m);
        var reports = await MessageRecorder<IdentityVerified>.StartAsync(service.Harness.Bus);

        await verified.PublishAsync(service.Harness.Bus);
        await verified.PublishAsync(service.Harness.Bus);
        await failed.PublishAsync(service.Harness.Bus);

        Assert.All(await reports.WaitForAsync(2), copy => Assert.Equal(verified.MessageId, copy.MessageId));
        Assert.Equal(verified.MessageId, Assert.Single(await service.Harness.ConsumedAsync<IdentityVerifiedConsumer, IdentityVerified>()).Context.MessageId);
        var failedCopy = Assert.Single(await service.Harness.ConsumedAsync<IdentityVerificationFailedConsumer, IdentityVerificationFailed>());
        Assert.Equal(failed.MessageId, failedCopy.Context.MessageId);
        Assert.NotEqual(verified.MessageId, failed.MessageId);
        Assert.Contains(service.Logs.Lines, line => line.StartsWith("IdentityVerificationFailed: order ORDER-2003, txid 28132", StringComparison.Ordinal));
    }
}
