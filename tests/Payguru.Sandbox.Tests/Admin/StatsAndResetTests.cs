using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Admin;

public sealed class StatsAndResetTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Stats_count_calls_per_endpoint_tokens_payments_refunds_per_order_and_callbacks()
    {
        var token = await TokenWithPaymentAsync("ORDER-A");
        await Client.SeedPaymentAsync("ORDER-B");
        await Client.CreatedRefundAsync(token, "ORDER-A");
        await Client.CreatedRefundAsync(token, "ORDER-A");
        var b = await Client.CreatedRefundAsync(token, "ORDER-B");
        await Client.GetRefundsByOrderAsync(token, "ORDER-A");
        await Client.MoveRefundAsync(b, new { status = 3 });
        await Merchant.WaitForAsync(c => c.IsRefund);

        var stats = await Poll.WaitUntilAsync(
            _ => Client.StatsAsync(),
            // Accepted and no longer pending: the dispatcher updates the two counters one after the other.
            s => s.GetProperty("callbacks").GetProperty("accepted").GetInt64() == 1
                && s.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            RunningSandbox.Patience,
            "the callback counted");

        var calls = stats.GetProperty("calls");
        Assert.Equal(1, calls.GetProperty("getToken").GetInt64());
        Assert.Equal(3, calls.GetProperty("refund/create").GetInt64());
        Assert.Equal(1, calls.GetProperty("refund/getByOrder").GetInt64());
        Assert.Equal(0, calls.GetProperty("paywall/member").GetInt64());
        Assert.Equal(1, stats.GetProperty("tokensIssued").GetInt64());
        Assert.Equal(2, stats.GetProperty("payments").GetInt64());
        Assert.Equal(3, stats.GetProperty("refundsCreated").GetInt64());
        Assert.Equal(2, stats.GetProperty("refundsCreatedByOrder").GetProperty("ORDER-A").GetInt64());
        Assert.Equal(1, stats.GetProperty("refundsCreatedByOrder").GetProperty("ORDER-B").GetInt64());
        var callbacks = stats.GetProperty("callbacks");
        Assert.Equal(1, callbacks.GetProperty("attempts").GetInt64());
        Assert.Equal(1, callbacks.GetProperty("refund").GetProperty("accepted").GetInt64());
        Assert.Equal(0, callbacks.GetProperty("pending").GetInt64());
        Assert.Equal(1, callbacks.GetProperty("answers").GetProperty("OK").GetInt64());
    }

    [Fact]
    public async Task Reset_clears_tokens_payments_refunds_faults_and_counters_but_ids_keep_counting()
    {
        var token = await TokenWithPaymentAsync("ORDER-R");
        var before = await Client.CreatedRefundAsync(token, "ORDER-R");
        await Client.AddFaultAsync(new { endpoint = "refund/get", kind = "status" });

        await Client.ResetAsync();

        var stats = await Client.StatsAsync();
        Assert.Equal(0, stats.GetProperty("refundsCreated").GetInt64());
        Assert.Equal(0, stats.GetProperty("calls").GetProperty("refund/create").GetInt64());
        Assert.Equal(0, (await Client.Http.GetFromJsonAsync<JsonElement>("/_sandbox/faults")).GetArrayLength());
        Assert.Equal("ERR_016", (await Client.GetRefundsByOrderAsync(token, "ORDER-R")).Status);
        var fresh = await Client.NewTokenAsync();
        Assert.Equal("Invalid Request:order not found", (await Client.CreateRefundAsync(fresh, "ORDER-R")).Message);
        await Client.SeedPaymentAsync("ORDER-R");
        Assert.True(await Client.CreatedRefundAsync(fresh, "ORDER-R") > before);
    }

    [Fact]
    public async Task Settings_change_while_running_and_reset_restores_the_configured_ones()
    {
        var changed = await Client.PatchSettingsAsync(new { tokenLifetime = "00:05:00", callbackForm = "Json" });

        Assert.Equal("00:05:00", changed.GetProperty("tokenLifetime").GetString());
        Assert.Equal("Json", changed.GetProperty("callbackForm").GetString());
        Assert.True(changed.GetProperty("newTokenInvalidatesPrevious").GetBoolean());

        await Client.ResetAsync();
        var restored = await Client.Http.GetFromJsonAsync<JsonElement>("/_sandbox/settings");

        Assert.Equal("01:00:00", restored.GetProperty("tokenLifetime").GetString());
        Assert.Equal("Query", restored.GetProperty("callbackForm").GetString());
    }

    [Fact]
    public async Task A_setting_that_cannot_work_is_refused_with_400()
    {
        using var response = await Client.Http.PatchAsJsonAsync("/_sandbox/settings", new { tokenLifetime = "-00:00:01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_seeded_payment_gets_a_txid_and_a_Payguru_code()
    {
        var payment = await Client.SeedPaymentAsync("ORDER-SEED", "12.00");

        Assert.True(payment.GetProperty("txid").GetInt64() > 0);
        Assert.Equal($"PG-{payment.GetProperty("txid").GetInt64()}", payment.GetProperty("payguruCode").GetString());
        Assert.Equal("12.00", payment.GetProperty("amount").GetString());
        Assert.Equal("DEMO", payment.GetProperty("serviceCode").GetString());
    }

    [Fact]
    public async Task Seeding_a_payment_without_an_amount_is_refused_with_400()
    {
        await Client.PostJsonAsync("/_sandbox/payments", new { order = "X" }, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_planted_token_works_like_an_issued_one()
    {
        await Client.SeedPaymentAsync("ORDER-PLANT");
        await Client.PostJsonAsync("/_sandbox/tokens", new { token = "{MY-TOKEN}" });

        Assert.Equal("000", (await Client.CreateRefundAsync("{MY-TOKEN}", "ORDER-PLANT")).Status);
    }
}
