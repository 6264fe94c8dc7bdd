using System.Net;
using Payguru.Sandbox.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.Sandbox.Tests.Faults;

/// <summary>Faults on callbacks: delivered twice, out of order, delayed; retries (their timing: <see cref="FaultTimingTests"/>).</summary>
public sealed class CallbackFaultTests(MerchantSandboxFixture fixture) : SandboxTest(fixture)
{
    [Fact]
    public async Task A_twice_fault_delivers_the_same_notification_twice()
    {
        var token = await TokenWithPaymentAsync("ORDER-DUP");
        var id = await Client.CreatedRefundAsync(token, "ORDER-DUP");
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "twice", count = 1 });

        await Client.MoveRefundAsync(id, new { status = 3 });

        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.Equal(received[0].Fields, received[1].Fields);
        Assert.All(received, c => Assert.True(c.KeyValid));
    }

    [Fact]
    public async Task A_twice_fault_duplicates_a_test_transactions_payment_notification()
    {
        var token = await Client.NewTokenAsync();
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "twice", count = 1 });

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-DUP"), ("amount", "1.00")]);

        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var received = await Merchant.WaitForAsync(c => c.IsPayment, count: 2);
        Assert.Equal(received[0]["txid"], received[1]["txid"]);
    }

    [Fact]
    public async Task An_out_of_order_fault_delivers_its_group_newest_first()
    {
        var token = await TokenWithPaymentAsync("ORDER-OOO");
        var id = await Client.CreatedRefundAsync(token, "ORDER-OOO");
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "out-of-order", count = 2 });

        await Client.MoveRefundAsync(id, new { status = 2 });
        // Held as the move is answered, not sent: had it gone out, the merchant would get status 2 first.
        Assert.Equal(1, (await Client.StatsAsync()).GetProperty("callbacks").GetProperty("held").GetInt64());
        await Client.MoveRefundAsync(id, new { status = 3 });

        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.Equal(["3", "2"], received.Select(c => c["status"]));
    }

    [Fact]
    public async Task Flushing_releases_held_notifications_newest_first()
    {
        var token = await TokenWithPaymentAsync("ORDER-FLUSH");
        var ids = new[] { await Client.CreatedRefundAsync(token, "ORDER-FLUSH"), await Client.CreatedRefundAsync(token, "ORDER-FLUSH") };
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "out-of-order" });
        await Client.EndOfDayAsync(pay: true);
        // Both held as the end of day is answered; released, they arrive newest first.
        Assert.Equal(2, (await Client.StatsAsync()).GetProperty("callbacks").GetProperty("held").GetInt64());

        var flushed = await Client.PostJsonAsync("/_sandbox/callbacks/flush", null);

        Assert.Equal(2, flushed.GetProperty("released").GetInt32());
        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.Equal(ids.Reverse().Select(id => id.ToString()), received.Select(c => c["refund_id"]));
    }

    [Fact]
    public async Task A_test_transaction_whose_notification_is_held_answers_202()
    {
        var token = await Client.NewTokenAsync();
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "out-of-order", count = 2 });

        using var response = await Client.SendAsync(HttpMethod.Get, "/phs/transaction/test", token, Demo.MerchantId,
            [("code", "DEMO"), ("ref", "PG-HELD"), ("amount", "1.00")]);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(Merchant.Received);
    }

    [Fact]
    public async Task A_delayed_notification_arrives_after_the_one_sent_behind_it()
    {
        var token = await TokenWithPaymentAsync("ORDER-OVERTAKE");
        var first = await Client.CreatedRefundAsync(token, "ORDER-OVERTAKE");
        var second = await Client.CreatedRefundAsync(token, "ORDER-OVERTAKE");
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "delay", delayMs = 1500, count = 1 });

        await Client.MoveRefundAsync(first, new { status = 3 });
        await Client.MoveRefundAsync(second, new { status = 3 });

        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 2);
        Assert.Equal([second.ToString(), first.ToString()], received.Select(c => c["refund_id"]));
    }

    [Fact]
    public async Task A_refused_refund_notification_is_retried_until_the_merchant_answers_OK()
    {
        var token = await TokenWithPaymentAsync("ORDER-RETRY");
        var id = await Client.CreatedRefundAsync(token, "ORDER-RETRY");
        Merchant.AnswerNext(2, 200, "Wrong Data");

        await Client.MoveRefundAsync(id, new { status = 3 });

        var received = await Merchant.WaitForAsync(c => c.IsRefund, count: 3);
        Assert.Equal(["200 Wrong Data", "200 Wrong Data", "200 OK"], received.Select(c => c.Answer));
        var stats = await Poll.WaitUntilAsync(
            _ => Client.StatsAsync(),
            s => s.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            RunningSandbox.Patience,
            "no pending callback");
        Assert.Equal(3, stats.GetProperty("callbacks").GetProperty("refund").GetProperty("attempts").GetInt64());
        Assert.Equal(2, stats.GetProperty("callbacks").GetProperty("answers").GetProperty("200 Wrong Data").GetInt64());
    }
}
