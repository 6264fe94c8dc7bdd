using System.Net;
using Payguru.Provider.Signing;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>Genuine notifications to <c>/PhsRefundNotifyService</c>: answered <c>OK</c> and published once each as <see cref="RefundSettled"/>.</summary>
public sealed class RefundNotificationAcceptanceTests() : GatewayTest(new())
{
    [Fact]
    public void The_demo_notification_carries_the_protocol_test_vector_key()
    {
        var fields = RefundNotifications.Paid();

        var key = PayguruKeys.RefundNotify(
            new ServiceSecret(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey),
            new MerchantSecret(GatewayFactory.MerchantId, GatewayFactory.MerchantKey),
            fields["refund_id"], fields["code"], fields["order"], fields["amount"], fields["bank_code"]);

        Assert.Equal("91a90fc611ac9bf13c374fc62ce9baee", key);
        Assert.Equal(key, fields["key"]);
    }

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Paid_refund_answers_OK_and_publishes_one_RefundSettled(NotificationForm form)
    {
        var response = await Client.SendAsync(RefundNotifications.Request(form, RefundNotifications.Paid()));

        await AssertAnsweredOk(response);
        AssertPublishedOnePaidRefund();
    }

    [Fact]
    public async Task Json_with_ids_status_and_amount_as_numbers_is_accepted_signing_the_amount_as_written()
    {
        var request = RefundNotifications.Request(
            NotificationForm.Json, RefundNotifications.Paid(), "refund_id", "status", "amount", "bank_no", "bank_id");

        var response = await Client.SendAsync(request);

        await AssertAnsweredOk(response);
        AssertPublishedOnePaidRefund();
    }

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Unpaid_refund_with_empty_bank_fields_is_accepted_with_the_bank_unknown(NotificationForm form)
    {
        var response = await Client.SendAsync(RefundNotifications.Request(form, RefundNotifications.Unpaid()));

        await AssertAnsweredOk(response);
        Assert.Equal(1, Gateway.Publishes.Count);
        var published = Assert.Single(Gateway.Harness.Published.Select<RefundSettled>());
        var message = published.Context.Message;
        Assert.Equal(13L, message.RefundId);
        Assert.Equal(2, message.Status);
        Assert.False(message.IsPaid);
        Assert.Equal(0.50m, message.Amount);
        Assert.Equal("ORDER-1001", message.Order);
        Assert.Equal("PG-8F2K1", message.PayguruCode);
        Assert.Null(message.BankName);
        Assert.Null(message.BankCode);
        Assert.Null(message.BankId);
        Assert.Null(message.BankReceiptNo);
        Assert.Null(message.RefundTime);
        Assert.Equal(RefundNotifications.DemoCreateTime, message.CreateTime);
        Assert.Equal(MessageIds.RefundSettled(13, 2), published.Context.MessageId);
    }

    [Fact]
    public async Task Unpaid_refund_without_bank_fields_other_than_the_receipt_is_accepted()
    {
        var fields = RefundNotifications.Unpaid();
        foreach (var optional in new[] { "refund_contact", "refund_iban", "refund_date", "create_time", "bank_no", "bank_id", "bank_name", "bank_code" })
        {
            fields.Remove(optional);
        }

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertAnsweredOk(response);
        var published = Assert.Single(Gateway.Harness.Published.Select<RefundSettled>());
        Assert.Null(published.Context.Message.BankCode);
        Assert.Null(published.Context.Message.CreateTime);
        Assert.Equal(MessageIds.RefundSettled(13, 2), published.Context.MessageId);
    }

    [Fact]
    public async Task Repeated_notification_publishes_each_copy_with_the_same_message_id()
    {
        var first = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()));
        var second = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Json, RefundNotifications.Paid()));

        await AssertAnsweredOk(first);
        await AssertAnsweredOk(second);
        var published = Gateway.Publishes.Of<RefundSettled>();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal(MessageIds.RefundSettled(13, 3), p.MessageId));
        Assert.Equal(published[0].Message, published[1].Message);
    }

    [Fact]
    public async Task Second_configured_service_is_recognised_by_its_key()
    {
        var fields = RefundNotifications.Sign(RefundNotifications.Paid(), GatewayFactory.OtherService, GatewayFactory.OtherServiceKey);

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertAnsweredOk(response);
        var published = Assert.Single(Gateway.Harness.Published.Select<RefundSettled>());
        Assert.Equal(13L, published.Context.Message.RefundId);
    }

    static async Task AssertAnsweredOk(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    void AssertPublishedOnePaidRefund()
    {
        // The harness lists one entry per message id; the recorder counts every publish.
        Assert.Equal(1, Gateway.Publishes.Count);
        var published = Assert.Single(Gateway.Harness.Published.Select<RefundSettled>());
        var message = published.Context.Message;
        Assert.Equal(13L, message.RefundId);
        Assert.Equal("ORDER-1001", message.Order);
        Assert.Equal("PG-8F2K1", message.PayguruCode);
        Assert.Equal(3, message.Status);
        Assert.True(message.IsPaid);
        Assert.Equal(0.50m, message.Amount);
        Assert.Equal("Ziraat", message.BankName);
        Assert.Equal("ziraatbank", message.BankCode);
        Assert.Equal(10L, message.BankId);
        Assert.Equal("DEKONT13", message.BankReceiptNo);
        Assert.Equal(RefundNotifications.DemoRefundTime, message.RefundTime);
        Assert.Equal(TimeSpan.FromHours(3), message.RefundTime!.Value.Offset);
        Assert.Equal(RefundNotifications.DemoCreateTime, message.CreateTime);
        Assert.Equal(MessageIds.RefundSettled(13, 3), published.Context.MessageId);
    }
}
