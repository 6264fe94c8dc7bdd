using System.Net;
using Payguru.Provider.Signing;
using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Transactions;

/// <summary><c>/phs/transaction/test</c>: a sandbox payment, notified to the merchant, answered with the merchant's answer.</summary>
public sealed class TransactionTestTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task Test_transaction_sends_a_signed_payment_notification_and_answers_what_the_merchant_answered()
    {
        var token = await Client.NewTokenAsync();

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-8F2K1"), ("amount", "10.50"), ("order", "ORDER-1001")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        Assert.Equal("200", response.Headers.GetValues("X-Sandbox-Merchant-Status").Single());
        var notification = Assert.Single(Merchant.Received);
        Assert.True(notification.IsPayment);
        Assert.True(notification.KeyValid);
        Assert.Equal("PG-8F2K1", notification["code"]);
        Assert.Equal("ORDER-1001", notification["order"]);
        Assert.Equal("3", notification["status"]);
        Assert.Equal("10.50", notification["amount"]);
        Assert.Equal("ziraatbank", notification["bank"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", notification["transaction_date"]);
        Assert.Equal(
            PayguruKeys.PaymentNotify(Demo.Service, Demo.Merchant, notification["txid"], "PG-8F2K1", "ORDER-1001", "10.50"),
            notification["key"]);
    }

    [Fact]
    public async Task Test_transaction_accepts_a_post_form_and_uses_the_reference_as_the_order_when_none_is_given()
    {
        var token = await Client.NewTokenAsync();

        using var response = await Client.SendAsync(HttpMethod.Post, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-REF-ONLY"), ("amount", "1.00"), ("name", "Ali"), ("description", "test"), ("iban", Demo.Iban), ("tckno", "10000000146")]);

        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        Assert.Equal("PG-REF-ONLY", Assert.Single(Merchant.Received)["order"]);
    }

    [Fact]
    public async Task Test_transaction_relays_a_refusal_with_the_merchants_status()
    {
        var token = await Client.NewTokenAsync();
        Merchant.AnswerNext(1, 400, "invalid key");

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-1"), ("amount", "1.00")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("invalid key", await response.Content.ReadAsStringAsync());
        Assert.Equal("400", response.Headers.GetValues("X-Sandbox-Merchant-Status").Single());
    }

    [Fact]
    public async Task A_refused_payment_notification_is_retried_with_backoff_until_the_merchant_answers_OK()
    {
        var token = await Client.NewTokenAsync();
        Merchant.AnswerNext(3, 503, "not queued: the message broker is unavailable");

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-RETRY"), ("amount", "1.00")]);
        await Merchant.WaitForAsync(c => c.IsPayment && c.Answer == "200 OK");

        var all = Merchant.Received;
        Assert.Equal(4, all.Count);
        Assert.All(all, c => Assert.Equal(all[0]["txid"], c["txid"]));
        var gaps = all.Zip(all.Skip(1), (a, b) => b.ReceivedAt - a.ReceivedAt).ToList();
        var tolerance = TimeSpan.FromMilliseconds(40);
        Assert.True(gaps[0] >= MerchantSandboxFixture.RetryDelay - tolerance, $"first retry after {gaps[0]}");
        Assert.True(gaps[1] >= 2 * MerchantSandboxFixture.RetryDelay - tolerance, $"second retry after {gaps[1]}");
        Assert.True(gaps[2] >= MerchantSandboxFixture.MaxRetryDelay - tolerance, $"third retry after {gaps[2]} (4x, capped at the maximum)");
        var stats = await Poll.WaitUntilAsync(
            _ => Client.StatsAsync(),
            s => s.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            RunningSandbox.Patience,
            "no pending callback");
        var callbacks = stats.GetProperty("callbacks");
        Assert.Equal(4, callbacks.GetProperty("payment").GetProperty("attempts").GetInt64());
        Assert.Equal(1, callbacks.GetProperty("payment").GetProperty("accepted").GetInt64());
        Assert.Equal(3, callbacks.GetProperty("answers").EnumerateObject().Single(a => a.Name.StartsWith("503 not queued")).Value.GetInt64());
    }

    [Fact]
    public async Task Test_transaction_to_a_merchant_that_does_not_answer_answers_502()
    {
        var token = await Client.NewTokenAsync(MerchantSandboxFixture.OtherMerchantId, OtherMerchantTokenKey);

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, MerchantSandboxFixture.OtherMerchantId,
            [("code", MerchantSandboxFixture.OtherServiceCode), ("ref", "PG-DEAD"), ("amount", "1.00")]);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("connection refused", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Test_transaction_remembers_the_payment_so_refunds_of_its_order_work()
    {
        var token = await Client.NewTokenAsync();
        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-REMEMBER"), ("amount", "10.50"), ("order", "ORDER-REMEMBER")]);
        var txid = long.Parse(Assert.Single(Merchant.Received)["txid"]);

        var refundId = await Client.CreatedRefundAsync(token, "ORDER-REMEMBER", "0.50");
        await Client.MoveRefundAsync(refundId, new { status = 3 });

        Assert.Equal(txid, Assert.Single((await Client.GetRefundAsync(token, refundId)).Data!).TransactionId);
        var refundNotification = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.Equal("PG-REMEMBER", refundNotification["code"]);
        Assert.True(refundNotification.KeyValid);
    }

    [Fact]
    public async Task Each_test_transaction_gets_a_new_txid()
    {
        var token = await Client.NewTokenAsync();
        for (var i = 0; i < 2; i++)
        {
            using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
                [("code", "DEMO"), ("ref", "PG-SAME"), ("amount", "1.00")]);
        }

        Assert.Equal(2, Merchant.Received.Select(c => c["txid"]).Distinct().Count());
    }

    [Fact]
    public async Task Test_transaction_with_an_unknown_service_answers_ERR_005()
    {
        var token = await Client.NewTokenAsync();

        var answer = await Client.GetAsync<PayguruResult>("/phs/transaction/test", token, Demo.MerchantId,
            ("code", "NOPE"), ("ref", "PG-1"), ("amount", "1.00"));

        Assert.Equal("ERR_005", answer.Status);
        Assert.Empty(Merchant.Received);
    }

    [Fact]
    public async Task Test_transaction_with_a_bad_token_answers_ERR_016()
    {
        var answer = await Client.GetAsync<PayguruResult>("/phs/transaction/test", "{BAD}", Demo.MerchantId,
            ("code", "DEMO"), ("ref", "PG-1"), ("amount", "1.00"));

        Assert.Equal("ERR_016", answer.Status);
    }

    [Theory]
    [InlineData("code")]
    [InlineData("ref")]
    [InlineData("amount")]
    public async Task Test_transaction_without_a_required_parameter_answers_ERR_007(string left)
    {
        var token = await Client.NewTokenAsync();
        (string, string)[] all = [("code", "DEMO"), ("ref", "PG-1"), ("amount", "1.00")];

        var answer = await Client.GetAsync<PayguruResult>("/phs/transaction/test", token, Demo.MerchantId, all.Where(f => f.Item1 != left).ToArray());

        Assert.Equal("ERR_007", answer.Status);
        Assert.Equal($"Invalid Request:{left} required", answer.Message);
    }
}
