using System.Net;
using System.Text.Json;
using Payguru.Provider.Signing;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Refunds;

/// <summary>Refund statuses 1 → 2 → 3 through the admin API, and the refund notifications that report them.</summary>
public sealed class RefundResultTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task A_refund_moves_from_1_to_2_to_3_and_gets_its_bank_fields_when_paid()
    {
        var token = await TokenWithPaymentAsync("ORDER-FLOW");
        var id = await Client.CreatedRefundAsync(token, "ORDER-FLOW", "0.50");

        await Client.MoveRefundAsync(id, new { status = 2 });
        var updated = Assert.Single((await Client.GetRefundAsync(token, id)).Data!);
        await Client.MoveRefundAsync(id, new { status = 3 });
        var paid = Assert.Single((await Client.GetRefundAsync(token, id)).Data!);

        Assert.Equal(2, updated.Status);
        Assert.NotNull(updated.UpdateTime);
        Assert.Null(updated.RefundTime);
        Assert.Null(updated.BankCode);
        Assert.Equal(3, paid.Status);
        Assert.NotNull(paid.RefundTime);
        Assert.Equal(1, paid.BankId);
        Assert.Equal("Ziraat", paid.BankName);
        Assert.Equal("ziraatbank", paid.BankCode);
        Assert.Equal($"DEKONT{id}", paid.BankReceiptNo);
    }

    [Fact]
    public async Task Moving_a_refund_sends_the_refund_notification_with_a_key_the_merchant_accepts()
    {
        var payment = await Client.SeedPaymentAsync("ORDER-NOTIFY", code: "PG-8F2K1");
        var token = await Client.NewTokenAsync();
        var id = await Client.CreatedRefundAsync(token, "ORDER-NOTIFY", "0.50");

        await Client.MoveRefundAsync(id, new { status = 3, bankCode = "garanti", bankName = "Garanti", bankId = 62, bankNo = "62", receiptNo = "R-1" });

        var notification = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.True(notification.KeyValid);
        Assert.Equal("GET", notification.Method);
        Assert.Equal(id.ToString(), notification["refund_id"]);
        Assert.Equal("PG-8F2K1", notification["code"]);
        Assert.Equal("ORDER-NOTIFY", notification["order"]);
        Assert.Equal("3", notification["status"]);
        Assert.Equal("0.50", notification["amount"]);
        Assert.Equal("Qwe ASD", notification["refund_contact"]);
        Assert.Equal(Demo.Iban, notification["refund_iban"]);
        Assert.Equal("garanti", notification["bank_code"]);
        Assert.Equal("Garanti", notification["bank_name"]);
        Assert.Equal("62", notification["bank_id"]);
        Assert.Equal("62", notification["bank_no"]);
        Assert.Equal("R-1", notification["bank_receipt_no"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", notification["refund_date"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", notification["create_time"]);
        Assert.Equal(
            PayguruKeys.RefundNotify(Demo.Service, Demo.Merchant, id.ToString(), "PG-8F2K1", "ORDER-NOTIFY", "0.50", "garanti"),
            notification["key"]);
        Assert.Equal(payment.GetProperty("payguruCode").GetString(), notification["code"]);
    }

    [Fact]
    public async Task A_refund_not_yet_paid_is_reported_with_empty_bank_fields_and_a_key_over_an_empty_bank_code()
    {
        var token = await TokenWithPaymentAsync("ORDER-UNPAID-NOTE");
        var id = await Client.CreatedRefundAsync(token, "ORDER-UNPAID-NOTE");

        await Client.MoveRefundAsync(id, new { status = 2 });

        var notification = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.Equal("2", notification["status"]);
        Assert.Equal("", notification["bank_code"]);
        Assert.Equal("", notification["bank_receipt_no"]);
        Assert.True(notification.KeyValid);
    }

    [Fact]
    public async Task Moving_with_notify_false_leaves_the_report_to_the_end_of_day()
    {
        var token = await TokenWithPaymentAsync("ORDER-QUIET");
        var id = await Client.CreatedRefundAsync(token, "ORDER-QUIET");

        var moved = await Client.MoveRefundAsync(id, new { status = 3, notify = false });
        Assert.False(moved.GetProperty("notified").GetBoolean());
        Assert.Equal(0, (await Client.StatsAsync()).GetProperty("callbacks").GetProperty("pending").GetInt64());

        var endOfDay = await Client.EndOfDayAsync();

        Assert.Equal([id], endOfDay.GetProperty("notified").EnumerateArray().Select(e => e.GetInt64()));
        await Merchant.WaitForAsync(c => c.IsRefund);
        // Nothing left to send once the end of day's report is accepted: the merchant got that one alone.
        await Poll.WaitUntilAsync(
            _ => Client.StatsAsync(),
            stats => stats.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            RunningSandbox.Patience,
            "no pending callback");
        var notification = Assert.Single(Merchant.Received, c => c.IsRefund);
        Assert.Equal("3", notification["status"]);
        Assert.True(notification.KeyValid);
    }

    [Fact]
    public async Task End_of_day_reports_only_the_refunds_that_changed_since_they_were_last_reported()
    {
        var token = await TokenWithPaymentAsync("ORDER-EOD");
        var untouched = await Client.CreatedRefundAsync(token, "ORDER-EOD");
        var reported = await Client.CreatedRefundAsync(token, "ORDER-EOD");
        var changed = await Client.CreatedRefundAsync(token, "ORDER-EOD");
        await Client.MoveRefundAsync(reported, new { status = 2 });
        await Client.MoveRefundAsync(changed, new { status = 2, notify = false });
        await Merchant.WaitForAsync(c => c.IsRefund);

        var first = await Client.EndOfDayAsync();
        var second = await Client.EndOfDayAsync();

        Assert.Equal([changed], first.GetProperty("notified").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Empty(second.GetProperty("notified").EnumerateArray());
        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.DoesNotContain(received, c => c["refund_id"] == untouched.ToString());
    }

    [Fact]
    public async Task End_of_day_with_pay_pays_back_every_open_refund_and_reports_each()
    {
        var token = await TokenWithPaymentAsync("ORDER-PAYALL");
        var ids = new[] { await Client.CreatedRefundAsync(token, "ORDER-PAYALL"), await Client.CreatedRefundAsync(token, "ORDER-PAYALL") };

        var endOfDay = await Client.EndOfDayAsync(pay: true);

        Assert.Equal(ids, endOfDay.GetProperty("paid").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal(ids, endOfDay.GetProperty("notified").EnumerateArray().Select(e => e.GetInt64()));
        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.All(received, c => Assert.Equal("3", c["status"]));
        Assert.All(received, c => Assert.True(c.KeyValid));
        Assert.All((await Client.GetRefundsByOrderAsync(token, "ORDER-PAYALL")).Data!, r => Assert.Equal(3, r.Status));
    }

    [Fact]
    public async Task Refund_notifications_go_as_post_json_with_numbers_as_json_numbers_when_configured()
    {
        await Client.PatchSettingsAsync(new { callbackForm = "Json" });
        var token = await TokenWithPaymentAsync("ORDER-JSONCB");
        var id = await Client.CreatedRefundAsync(token, "ORDER-JSONCB", "10.50");

        await Client.MoveRefundAsync(id, new { status = 3 });

        var notification = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.Equal("POST", notification.Method);
        Assert.StartsWith("application/json", notification.ContentType);
        Assert.Equal(JsonValueKind.Number, notification.JsonKinds["refund_id"]);
        Assert.Equal(JsonValueKind.Number, notification.JsonKinds["amount"]);
        Assert.Equal("10.50", notification["amount"]);
        Assert.Equal(JsonValueKind.String, notification.JsonKinds["bank_code"]);
        Assert.True(notification.KeyValid);
    }

    [Fact]
    public async Task Refund_notifications_go_as_post_form_when_configured()
    {
        await Client.PatchSettingsAsync(new { callbackForm = "Form" });
        var token = await TokenWithPaymentAsync("ORDER-FORMCB");
        var id = await Client.CreatedRefundAsync(token, "ORDER-FORMCB");

        await Client.MoveRefundAsync(id, new { status = 3 });

        var notification = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.Equal("POST", notification.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", notification.ContentType);
        Assert.True(notification.KeyValid);
    }

    [Fact]
    public async Task Moving_a_refund_that_does_not_exist_answers_404()
    {
        using var response = await Client.Http.PostAsync(
            "/_sandbox/refunds/987654/status", new StringContent("""{"status":3}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Moving_a_refund_to_status_0_answers_400()
    {
        var token = await TokenWithPaymentAsync("ORDER-ZERO");
        var id = await Client.CreatedRefundAsync(token, "ORDER-ZERO");

        await Client.PostJsonAsync($"/_sandbox/refunds/{id}/status", new { status = 0 }, HttpStatusCode.BadRequest);
    }
}
