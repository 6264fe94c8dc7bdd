using System.Net;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// Refund notifications <c>/PhsRefundNotifyService</c> must not accept: answered 400 with a short
/// reason that never echoes a secret, the key, the IBAN or the contact name, and nothing published.
/// </summary>
public sealed class RefundNotificationRefusalTests() : GatewayTest(new())
{
    static readonly string[] RequiredFields = ["refund_id", "code", "order", "status", "amount", "bank_receipt_no", "key"];

    public static TheoryData<NotificationForm, string> EveryFormAndRequiredField() => CallbackRequests.EveryFormAnd(RequiredFields);

    [Theory]
    [InlineData(NotificationForm.Query)]
    [InlineData(NotificationForm.Form)]
    [InlineData(NotificationForm.Json)]
    public async Task Wrong_key_is_refused(NotificationForm form)
    {
        var fields = RefundNotifications.Paid();
        fields["key"] = "0123456789abcdef0123456789abcdef";

        var response = await Client.SendAsync(RefundNotifications.Request(form, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_signed_over_another_bank_code_is_refused()
    {
        // The §7 key covers bank code "ziraatbank": the same notification naming another bank is not genuine.
        var fields = RefundNotifications.Paid();
        fields["bank_code"] = "garanti";

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_signed_over_a_reformatted_amount_is_refused()
    {
        var fields = RefundNotifications.Paid();
        fields["amount"] = "0.5"; // the key was signed over "0.50"

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_of_a_payment_notification_is_refused()
    {
        var fields = RefundNotifications.Paid();
        fields["key"] = PaymentNotifications.DemoKey;

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Fact]
    public async Task Key_of_an_unconfigured_service_is_refused()
    {
        var fields = RefundNotifications.Sign(RefundNotifications.Paid(), "UNKNOWN", "unknown-key");

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "key");
    }

    [Theory]
    [MemberData(nameof(EveryFormAndRequiredField))]
    public async Task Missing_field_is_refused_naming_the_field(NotificationForm form, string field)
    {
        var fields = RefundNotifications.Paid();
        fields.Remove(field);

        var response = await Client.SendAsync(RefundNotifications.Request(form, fields));

        await AssertRefusedAsync(response, field);
    }

    [Theory]
    [InlineData("refund_id")]
    [InlineData("amount")]
    [InlineData("key")]
    public async Task Blank_required_field_is_refused_naming_the_field(string field)
    {
        var fields = RefundNotifications.Paid();
        fields[field] = " ";

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task Json_null_receipt_is_refused_as_missing()
    {
        var json = RefundNotifications.JsonBody(RefundNotifications.Unpaid()).Replace("\"bank_receipt_no\":\"\"", "\"bank_receipt_no\":null");
        Assert.Contains("\"bank_receipt_no\":null", json);

        var response = await Client.SendAsync(RefundNotifications.JsonRequest(json));

        await AssertRefusedAsync(response, "bank_receipt_no");
    }

    [Theory]
    [InlineData("0,50")]
    [InlineData("abc")]
    [InlineData("-0.50")]
    [InlineData(".50")]
    [InlineData("5e-1")]
    public async Task Malformed_amount_is_refused_even_with_a_genuine_key(string amount)
    {
        var fields = RefundNotifications.Paid();
        fields["amount"] = amount;
        RefundNotifications.Sign(fields, GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, "amount");
    }

    [Theory]
    [InlineData("refund_id", "13a")]
    [InlineData("refund_id", "-13")]
    [InlineData("status", "paid")]
    [InlineData("status", "3.0")]
    [InlineData("refund_date", "19.01.2018 10:15:00")]
    [InlineData("create_time", "yesterday")]
    [InlineData("bank_id", "ten")]
    public async Task Malformed_value_is_refused_naming_the_field_even_with_a_genuine_key(string field, string value)
    {
        var fields = RefundNotifications.Paid();
        fields[field] = value;
        RefundNotifications.Sign(fields, GatewayFactory.DemoService, GatewayFactory.DemoServiceKey);

        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, fields));

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task Malformed_json_is_refused()
    {
        var response = await Client.SendAsync(RefundNotifications.JsonRequest("{\"refund_id\": 13,"));

        await AssertRefusedAsync(response, "JSON");
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
        Assert.DoesNotContain(RefundNotifications.DemoKey, body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RefundNotifications.DemoIban, body);
        Assert.DoesNotContain(RefundNotifications.DemoContact, body);

        // The gateway publishes before it answers, so whatever it published is recorded by now.
        Assert.False(Gateway.Harness.Published.Select<RefundSettled>().Any());
        Assert.Equal(0, Gateway.Publishes.Count);
    }
}
