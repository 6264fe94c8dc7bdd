using OrderService.Tests.Infrastructure;
using OrderService.Consumers;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;
using Payguru.Contracts.Testing.Events;

namespace OrderService.Tests.Consumers;

/// <summary>With <c>RefundOnPayment</c> set, a payment is answered with a refund request keyed on its txid.</summary>
public sealed class PaymentAcceptedConsumerTests
{
    [Fact]
    public async Task Accepted_payment_asks_for_a_refund_that_the_processor_submits()
    {
        await using var service = await OrderServiceHarness.StartAsync(refundOnPayment: 2.50m);
        var payment = GatewayEvents.PaymentAccepted(28120, "ORDER-1001", 10.00m);

        await payment.PublishAsync(service.Harness.Bus);

        var requested = Assert.Single(await service.Harness.PublishedAsync<RequestRefund>());
        Assert.Equal(RefundRequests.ForPayment(28120), requested.Context.Message.RefundRequestId);
        Assert.Equal("ORDER-1001", requested.Context.Message.Order);
        Assert.Equal(2.50m, requested.Context.Message.Amount);
        Assert.Equal("DEMO", requested.Context.Message.ServiceCode);
        var submitted = Assert.Single(await service.Harness.PublishedAsync<RefundSubmitted>());
        Assert.Equal(requested.Context.Message.RefundRequestId, submitted.Context.Message.RefundRequestId);
        Assert.Equal(1, submitted.Context.Message.RefundId);
        Assert.Equal(MessageIds.RefundSubmitted(requested.Context.Message.RefundRequestId), submitted.Context.MessageId);
        Assert.Equal("PG-28120", submitted.Context.Message.PayguruCode);
    }

    [Fact]
    public async Task Repeated_payment_asks_again_with_the_same_key_and_gets_the_same_refund_and_message_id()
    {
        await using var service = await OrderServiceHarness.StartAsync(refundOnPayment: 2.50m);
        var payment = GatewayEvents.PaymentAccepted(28121, "ORDER-1002", 10.00m);
        var requests = await MessageRecorder<RequestRefund>.StartAsync(service.Harness.Bus);
        var outcomes = await MessageRecorder<RefundSubmitted>.StartAsync(service.Harness.Bus);

        await payment.PublishAsync(service.Harness.Bus);
        await payment.PublishAsync(service.Harness.Bus);

        Assert.All(await requests.WaitForAsync(2), r => Assert.Equal(RefundRequests.ForPayment(28121), r.Message.RefundRequestId));
        var answers = await outcomes.WaitForAsync(2);
        Assert.All(answers, a => Assert.Equal(MessageIds.RefundSubmitted(RefundRequests.ForPayment(28121)), a.MessageId));
        Assert.All(answers, a => Assert.Equal(1, a.Message.RefundId));
    }

    [Fact]
    public async Task Refund_of_more_than_the_payment_is_rejected_as_over_refund()
    {
        await using var service = await OrderServiceHarness.StartAsync(refundOnPayment: 20.00m);

        await GatewayEvents.PaymentAccepted(28122, "ORDER-1003", 10.00m).PublishAsync(service.Harness.Bus);

        var rejected = Assert.Single(await service.Harness.PublishedAsync<RefundRejected>());
        Assert.Equal(RefundRejectionReasons.OverRefund, rejected.Context.Message.Reason);
        Assert.Equal("order ORDER-1003 was paid 10.00 and has 0.00 refunded or under way; 20.00 more would exceed it", rejected.Context.Message.Message);
        Assert.Null(rejected.Context.Message.ProviderCode);
        Assert.True(await service.Harness.Consumed.Any<RefundRejected>());
        Assert.Contains(service.Logs.Lines, line => line.StartsWith("RefundRejected: request", StringComparison.Ordinal) && line.Contains("over_refund", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_RefundOnPayment_a_payment_asks_for_nothing()
    {
        await using var service = await OrderServiceHarness.StartAsync();
        var payment = GatewayEvents.PaymentAccepted(28123, "ORDER-1004", 10.00m);

        await payment.PublishAsync(service.Harness.Bus);

        // Consumed is recorded once the consumer returned, after anything it published: nothing more can come of it.
        var consumer = service.Harness.GetConsumerHarness<PaymentAcceptedConsumer>();
        Assert.True(await consumer.Consumed.Any<PaymentAccepted>(m => m.Context.MessageId == payment.MessageId));
        Assert.Empty(service.Harness.Published.Select<RequestRefund>());
        Assert.Contains(service.Logs.Lines, line => line.Contains($"message {payment.MessageId}", StringComparison.Ordinal));
    }

}
