using System.Net;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Payments;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>Genuine notifications to <c>/PhsNotifyService</c>: answered <c>OK</c> and published once each.</summary>
public sealed class PaymentNotificationAcceptanceTests() : GatewayTest(new())
{
    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Accepted_payment_answers_OK_and_publishes_one_PaymentAccepted(NotificationForm form)
    {
        var response = await Client.SendAsync(PaymentNotifications.Request(form, PaymentNotifications.Demo()));

        await AssertAnsweredOk(response);
        AssertPublishedOneDemoPaymentAccepted();
    }

    [Fact]
    public async Task Json_with_txid_status_and_amount_as_numbers_is_accepted_keeping_the_amount_text()
    {
        var request = PaymentNotifications.Request(NotificationForm.Json, PaymentNotifications.Demo(), "txid", "amount", "status");

        var response = await Client.SendAsync(request);

        await AssertAnsweredOk(response);
        AssertPublishedOneDemoPaymentAccepted();
    }

    [Fact]
    public async Task Json_with_amount_as_string_and_txid_as_number_is_accepted()
    {
        var request = PaymentNotifications.Request(NotificationForm.Json, PaymentNotifications.Demo(), "txid");

        var response = await Client.SendAsync(request);

        await AssertAnsweredOk(response);
        AssertPublishedOneDemoPaymentAccepted();
    }

    [Fact]
    public async Task Repeated_notification_publishes_each_copy_with_the_same_message_id()
    {
        var first = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, PaymentNotifications.Demo()));
        var second = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Json, PaymentNotifications.Demo()));

        await AssertAnsweredOk(first);
        await AssertAnsweredOk(second);
        // The harness lists one entry per message id; the recorder sees both publishes.
        var published = Gateway.Publishes.Of<PaymentAccepted>();
        Assert.Equal(2, published.Count);
        Assert.All(published, p => Assert.Equal(MessageIds.Payment(28120, 3), p.MessageId));
        Assert.Equal(published[0].Message, published[1].Message);
        var listed = Assert.Single(Gateway.Harness.Published.Select<PaymentAccepted>());
        Assert.Equal(MessageIds.Payment(28120, 3), listed.Context.MessageId);
    }

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Json)]
    public async Task Other_status_with_a_genuine_key_publishes_PaymentStatusReported(NotificationForm form)
    {
        var fields = PaymentNotifications.Demo();
        fields["status"] = "2"; // the status is not part of the key: the §7 key stays genuine

        var response = await Client.SendAsync(PaymentNotifications.Request(form, fields));

        await AssertAnsweredOk(response);
        Assert.False(Gateway.Harness.Published.Select<PaymentAccepted>().Any());
        Assert.Equal(1, Gateway.Publishes.Count);
        var published = Assert.Single(Gateway.Harness.Published.Select<PaymentStatusReported>());
        var message = published.Context.Message;
        Assert.Equal(28120L, message.Txid);
        Assert.Equal("PG-8F2K1", message.PayguruCode);
        Assert.Equal("ORDER-1001", message.Order);
        Assert.Equal(10.50m, message.Amount);
        Assert.Equal("10.50", message.AmountText);
        Assert.Equal(2, message.Status);
        Assert.Equal(PaymentNotifications.DemoTransactionTime, message.TransactionTime);
        Assert.Equal(TimeSpan.FromHours(3), message.TransactionTime.Offset);
        Assert.Equal("ziraatbank", message.Bank);
        Assert.Equal("DEMO", message.ServiceCode);
        Assert.Equal(MessageIds.Payment(28120, 2), published.Context.MessageId);
    }

    [Fact]
    public async Task Second_configured_service_is_recognised_by_its_key()
    {
        var fields = PaymentNotifications.Demo().SignedFor(GatewayFactory.OtherService, GatewayFactory.OtherServiceKey);

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertAnsweredOk(response);
        Assert.Equal(1, Gateway.Publishes.Count);
        var published = Assert.Single(Gateway.Harness.Published.Select<PaymentAccepted>());
        Assert.Equal("OTHER", published.Context.Message.ServiceCode);
        Assert.Equal(28120L, published.Context.Message.Txid);
    }

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Non_ascii_notification_is_accepted(NotificationForm form)
    {
        var response = await Client.SendAsync(PaymentNotifications.Request(form, PaymentNotifications.NonAsciiDemo()));

        await AssertAnsweredOk(response);
        AssertPublishedOneNonAsciiPaymentAccepted();
    }

    [Fact]
    public async Task Non_ascii_notification_in_json_with_unicode_escapes_is_accepted()
    {
        var json = PaymentNotifications.JsonBody(PaymentNotifications.NonAsciiDemo(), [], escapeNonAscii: true);
        Assert.Contains("\\u", json);

        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(json));

        await AssertAnsweredOk(response);
        AssertPublishedOneNonAsciiPaymentAccepted();
    }

    [Fact]
    public async Task Json_body_without_a_json_content_type_is_read_as_json()
    {
        // The provider's samples read the raw body as JSON whatever its content type.
        var body = PaymentNotifications.JsonBody(PaymentNotifications.Demo(), []);
        var request = new HttpRequestMessage(HttpMethod.Post, PaymentNotifications.Path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "text/plain"),
        };

        var response = await Client.SendAsync(request);

        await AssertAnsweredOk(response);
        AssertPublishedOneDemoPaymentAccepted();
    }

    static async Task AssertAnsweredOk(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
    }

    void AssertPublishedOneDemoPaymentAccepted()
    {
        // The harness lists one entry per message id; the recorder counts every publish.
        Assert.Equal(1, Gateway.Publishes.Count);
        Assert.False(Gateway.Harness.Published.Select<PaymentStatusReported>().Any());
        var published = Assert.Single(Gateway.Harness.Published.Select<PaymentAccepted>());
        var message = published.Context.Message;
        Assert.Equal(28120L, message.Txid);
        Assert.Equal("PG-8F2K1", message.PayguruCode);
        Assert.Equal("ORDER-1001", message.Order);
        Assert.Equal(10.50m, message.Amount);
        Assert.Equal("10.50", message.AmountText);
        Assert.Equal(3, message.Status);
        Assert.Equal(PaymentNotifications.DemoTransactionTime, message.TransactionTime);
        Assert.Equal(TimeSpan.FromHours(3), message.TransactionTime.Offset);
        Assert.Equal("ziraatbank", message.Bank);
        Assert.Equal("DEMO", message.ServiceCode);
        Assert.Equal(MessageIds.Payment(28120, 3), published.Context.MessageId);
    }

    void AssertPublishedOneNonAsciiPaymentAccepted()
    {
        Assert.Equal(1, Gateway.Publishes.Count);
        var published = Assert.Single(Gateway.Harness.Published.Select<PaymentAccepted>());
        var message = published.Context.Message;
        Assert.Equal(28121L, message.Txid);
        Assert.Equal("PG-ÇĞŞ", message.PayguruCode);
        Assert.Equal("SİPARİŞ-1", message.Order);
        Assert.Equal(1.00m, message.Amount);
        Assert.Equal("1.00", message.AmountText);
        Assert.Equal(3, message.Status);
        Assert.Equal("DEMO", message.ServiceCode);
        Assert.Equal(MessageIds.Payment(28121, 3), published.Context.MessageId);
    }
}
