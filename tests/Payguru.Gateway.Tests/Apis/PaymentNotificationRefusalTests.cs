using System.Net;
using Payguru.Contracts.Payments;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// Notifications <c>/PhsNotifyService</c> must not accept: answered 400 with a short reason that
/// never echoes a secret or the expected key, and nothing published.
/// </summary>
public sealed class PaymentNotificationRefusalTests() : GatewayTest(new())
{
    static readonly string[] RequiredFields = ["txid", "code", "order", "status", "amount", "transaction_date", "bank", "key"];

    public static TheoryData<NotificationForm, string> EveryFormAndRequiredField() => CallbackRequests.EveryFormAnd(RequiredFields);

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Wrong_key_is_refused(NotificationForm form)
    {
        var fields = PaymentNotifications.Demo();
        fields["key"] = "0123456789abcdef0123456789abcdef";

        var response = await Client.SendAsync(PaymentNotifications.Request(form, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_signed_over_a_reformatted_amount_is_refused()
    {
        // docs/protocol.md §7: the key of the same notification with the amount written "10.5".
        var fields = PaymentNotifications.Demo();
        fields["key"] = "d73d8894cdfdfb7dad4106dda77abd4f";

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_of_an_unconfigured_service_is_refused()
    {
        var fields = PaymentNotifications.Demo().SignedFor("UNKNOWN", "unknown-key");

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Theory]
    [MemberData(nameof(EveryFormAndRequiredField))]
    public async Task Missing_field_is_refused_naming_the_field(NotificationForm form, string field)
    {
        var fields = PaymentNotifications.Demo();
        fields.Remove(field);

        var response = await Client.SendAsync(PaymentNotifications.Request(form, fields));

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData("txid")]
    [InlineData("amount")]
    [InlineData("key")]
    public async Task Blank_field_is_refused_naming_the_field(string field)
    {
        var fields = PaymentNotifications.Demo();
        fields[field] = " ";

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task Json_null_field_is_refused_as_missing()
    {
        var json = PaymentNotifications.JsonBody(PaymentNotifications.Demo(), []).Replace("\"ORDER-1001\"", "null");

        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(json));

        await AssertRefusedAsync(response, "order");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("28120a")]
    [InlineData("-28120")]
    [InlineData("2812.0")]
    [InlineData("99999999999999999999")]
    public async Task Non_numeric_txid_is_refused_even_with_a_genuine_key(string txid)
    {
        var fields = PaymentNotifications.Demo();
        fields["txid"] = txid;
        fields.SignedFor(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "txid");
    }

    [Theory]
    [InlineData("10,50")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("10.")]
    [InlineData(".50")]
    [InlineData("1e1")]
    public async Task Non_numeric_amount_is_refused_even_with_a_genuine_key(string amount)
    {
        var fields = PaymentNotifications.Demo();
        fields["amount"] = amount;
        fields.SignedFor(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "amount");
    }

    [Fact]
    public async Task Json_amount_written_as_an_exponent_number_is_refused()
    {
        var fields = PaymentNotifications.Demo();
        fields["amount"] = "1.05e1";
        fields.SignedFor(GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Json, fields, "amount"));

        await AssertRefusedAsync(response, "amount");
    }

    [Theory]
    [InlineData("18.01.2018 13:48:39")]
    [InlineData("2018-13-45 13:48:39")]
    [InlineData("2018-01-18 25:48:39")]
    [InlineData("yesterday")]
    [InlineData("2018/01/18 13:48:39")]
    public async Task Malformed_transaction_date_is_refused(string transactionDate)
    {
        var fields = PaymentNotifications.Demo();
        fields["transaction_date"] = transactionDate;

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "transaction_date");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-3")]
    [InlineData("3.0")]
    public async Task Non_numeric_status_is_refused(string status)
    {
        var fields = PaymentNotifications.Demo();
        fields["status"] = status;

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "status");
    }

    [Theory]
    [InlineData("{\"txid\": 28120, \"code\": ")]
    [InlineData("{\"txid\": 28120,}")]
    [InlineData("txid=28120")]
    public async Task Malformed_json_is_refused(string json)
    {
        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(json));

        await AssertRefusedAsync(response, "JSON");
    }

    [Fact]
    public async Task Json_array_body_is_refused()
    {
        var json = $"[{PaymentNotifications.JsonBody(PaymentNotifications.Demo(), [])}]";

        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(json));

        await AssertRefusedAsync(response, "JSON");
    }

    [Fact]
    public async Task Json_field_holding_an_object_is_refused_naming_the_field()
    {
        var json = PaymentNotifications.JsonBody(PaymentNotifications.Demo(), []).Replace("\"ziraatbank\"", "{\"code\": \"ziraatbank\"}");

        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(json));

        await AssertRefusedAsync(response, "bank");
    }

    [Fact]
    public async Task Body_larger_than_any_notification_is_refused_unread()
    {
        var fields = PaymentNotifications.Demo();
        fields["padding"] = new string('x', 70 * 1024);

        var response = await Client.SendAsync(PaymentNotifications.JsonRequest(PaymentNotifications.JsonBody(fields, [])));

        await AssertRefusedAsync(response, "too large");
    }

    async Task AssertRefusedAsync(HttpResponseMessage response, string naming)
    {
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(naming, body);
        Assert.InRange(body.Length, 1, 80);
        Assert.DoesNotContain(GatewayFactory.MerchantKey, body);
        Assert.DoesNotContain(GatewayFactory.DemoServiceKey, body);
        Assert.DoesNotContain(GatewayFactory.OtherServiceKey, body);
        Assert.DoesNotContain(PaymentNotifications.DemoKey, body, StringComparison.OrdinalIgnoreCase);

        // The gateway publishes before it answers, so whatever it published is recorded by now.
        Assert.False(Gateway.Harness.Published.Select<PaymentAccepted>().Any());
        Assert.False(Gateway.Harness.Published.Select<PaymentStatusReported>().Any());
        Assert.Equal(0, Gateway.Publishes.Count);
    }
}
