using Payguru.Provider.Wire;
using Payguru.Sandbox.Tests.Infrastructure;

namespace Payguru.Sandbox.Tests.Faults;

/// <summary>
/// The faults that make the sandbox wait (a delayed callback, a latency, a hold) and the callback retries a reset
/// forgets, on the sandbox's own clock (<see cref="ClockedSandboxFixture"/>): each test waits until the sandbox waits
/// on the clock, moves it, and sees the wait end exactly where it should.
/// </summary>
public sealed class FaultTimingTests(ClockedSandboxFixture sandbox) : IClassFixture<ClockedSandboxFixture>, IAsyncLifetime
{
    static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    TestClock Clock => sandbox.Clock;

    SandboxClient Client => sandbox.Client;

    FakeMerchant Merchant => sandbox.Merchant;

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_delay_fault_delays_the_first_delivery()
    {
        var delay = TimeSpan.FromMilliseconds(1500);
        var token = await TokenWithPaymentAsync("ORDER-LATE");
        var id = await Client.CreatedRefundAsync(token, "ORDER-LATE");
        await Client.AddFaultAsync(new { endpoint = "callbacks", kind = "delay", delayMs = 1500, count = 1 });
        var delays = Clock.TimersCreated(delay);

        await Client.MoveRefundAsync(id, new { status = 3 });

        // The notification waits on the sandbox's clock: until it has moved 1.5 s, nothing can go out.
        await Clock.WaitForTimerAsync(delay, delays + 1);
        Assert.Equal(1, await PendingAsync());
        Clock.Advance(delay - Tick);
        Assert.Empty(Merchant.Received);
        Clock.Advance(Tick);
        var delivered = Assert.Single(await Merchant.WaitForAsync(c => c.IsRefund));
        Assert.Equal(id.ToString(), delivered["refund_id"]);
    }

    [Fact]
    public async Task A_latency_fault_delays_the_answer_then_handles_the_call()
    {
        var latency = TimeSpan.FromMilliseconds(600);
        var token = await Client.NewTokenAsync();
        await Client.AddFaultAsync(new { endpoint = "getToken/check", kind = "latency", delayMs = 600, count = 1 });
        var latencies = Clock.TimersCreated(latency);

        var answering = Client.GetAsync<PayguruResult>("/phs/getToken/check", null, null, ("merchant", "123"), ("token", token));

        await Clock.WaitForTimerAsync(latency, latencies + 1);
        Clock.Advance(latency - Tick);
        Assert.False(answering.IsCompleted, "answered before its 600 ms on the sandbox's clock");
        Clock.Advance(Tick);
        Assert.Equal("000", (await answering).Status);
    }

    [Fact]
    public async Task A_hold_fault_answers_once_the_hold_is_over()
    {
        var hold = TimeSpan.FromMilliseconds(500);
        var token = await TokenWithPaymentAsync("ORDER-HOLD-OK");
        await Client.AddFaultAsync(new { endpoint = "refund/create", kind = "hold", delayMs = 500, count = 1 });
        var holds = Clock.TimersCreated(hold);

        var answering = Client.CreateRefundAsync(token, "ORDER-HOLD-OK");

        await Clock.WaitForTimerAsync(hold, holds + 1);
        Clock.Advance(hold - Tick);
        Assert.False(answering.IsCompleted, "answered before its 500 ms hold on the sandbox's clock");
        Clock.Advance(Tick);
        Assert.Equal("000", (await answering).Status);
    }

    [Fact]
    public async Task Reset_forgets_notifications_still_being_retried()
    {
        var firstRetry = MerchantSandboxFixture.RetryDelay;
        var token = await TokenWithPaymentAsync("ORDER-FORGET");
        var id = await Client.CreatedRefundAsync(token, "ORDER-FORGET");
        Merchant.AnswerNext(100, 503, "down");
        var retries = Clock.TimersCreated(firstRetry);
        await Client.MoveRefundAsync(id, new { status = 3 });
        await Merchant.WaitForAsync(c => c.IsRefund);
        await Clock.WaitForTimerAsync(firstRetry, retries + 1); // refused: its retry waits on the clock

        await sandbox.ResetAsync();

        Assert.Equal(0, await PendingAsync());
        // Past every retry it could have planned. What the move of the clock lets go is queued before Advance returns, so ahead of
        // the next notification; the sandbox sends one at a time in order: when that one arrives, nothing else came.
        Clock.Advance(MerchantSandboxFixture.MaxRetryDelay * 2);
        var next = await Client.CreatedRefundAsync(await TokenWithPaymentAsync("ORDER-AFTER"), "ORDER-AFTER");
        await Client.MoveRefundAsync(next, new { status = 3 });
        var received = await Merchant.WaitForAsync(c => c.IsRefund);
        Assert.Equal([next.ToString()], received.Select(c => c["refund_id"]));
        Assert.Single(Merchant.Received);
    }

    async Task<string> TokenWithPaymentAsync(string order)
    {
        await Client.SeedPaymentAsync(order, "10.50");
        return await Client.NewTokenAsync();
    }

    async Task<long> PendingAsync() => (await Client.StatsAsync()).GetProperty("callbacks").GetProperty("pending").GetInt64();
}
