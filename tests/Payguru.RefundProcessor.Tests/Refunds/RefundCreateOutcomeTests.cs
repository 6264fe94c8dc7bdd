using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Refunds;

/// <summary>
/// What comes of the one <c>refund/create</c> (invariant 5, docs/architecture.md): Payguru's refusal becomes a
/// provider_error rejection; an unknown outcome is settled by <c>refund/getByOrder</c> (adopting
/// the refund Payguru made) or, when the order shows none, by creating it again after
/// Refunds:RecheckAfter: always exactly one refund at Payguru.
/// </summary>
public sealed class RefundCreateOutcomeTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    const string Sweeper = "RefundSweeper";

    static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(1);

    // RefundHarness's Refunds:SweepInterval.
    static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(200);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Payguru_error_code_rejects_the_refund_with_its_code_and_message()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_005", message = "Service closed for refunds", count = 1 });
        var request = RefundHarness.Request(order, 3.00m);

        await processor.RequestAsync(request);

        var published = (await processor.PublishedAsync<RefundRejected>(m => m.RefundRequestId == request.RefundRequestId))[0];
        Assert.Equal(MessageIds.RefundOutcome(request.RefundRequestId, "rejected"), published.MessageId);
        var rejected = published.Message;
        Assert.Equal((RefundRejectionReasons.ProviderError, "ERR_005", order, 3.00m), (rejected.Reason, rejected.ProviderCode, rejected.Order, rejected.Amount));
        Assert.Contains("Service closed for refunds", rejected.Message);
        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(("rejected", RefundRejectionReasons.ProviderError, "ERR_005", (long?)null), (row.State, row.RejectionReason, row.ProviderCode, row.RefundId));
        Assert.Empty(processor.Published<RefundSubmitted>());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(0, await sandbox.RefundsCreatedAsync());
    }

    [Fact]
    public async Task Lost_answer_adopts_the_refund_Payguru_made()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 1 });
        var request = RefundHarness.Request(order, 4.00m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.True(await sandbox.CallsAsync("refund/getByOrder") >= 1, "the unknown outcome was looked up by order");
        Assert.Single(processor.Published<RefundSubmitted>());
        var row = await processor.RefundRowAsync(request.RefundRequestId);
        Assert.Equal(("submitted", (long?)submitted.RefundId), (row.State, row.RefundId));
        var made = Assert.Single(await sandbox.RefundsOfOrderAsync(order));
        Assert.Equal((submitted.RefundId, "4.00"), (made.Id, made.Amount));
    }

    [Fact]
    public async Task Answer_held_past_the_timeout_adopts_the_refund_Payguru_made()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "hold", delayMs = 4000, count = 1 });
        var request = RefundHarness.Request(order, 4.00m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(submitted.RefundId, Assert.Single(await sandbox.RefundsOfOrderAsync(order)).Id);
    }

    [Fact]
    public async Task Server_error_before_anything_was_made_creates_it_again_after_the_recheck_wait()
    {
        // The processor's clock moves only when the test moves it: the sweep runs once per step of it.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var passes = new JobPasses();
        await using var processor = await RefundHarness.StartAsync(
            sandbox, new Dictionary<string, string?> { ["Refunds:RecheckAfter"] = RecheckAfter.ToString("c", CultureInfo.InvariantCulture) }, clock, passes);
        await passes.WaitForAsync(Sweeper, 1); // the sweep at start is over and waits for the clock
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "status", status = 503, count = 1 });
        var request = RefundHarness.Request(order, 5.00m);

        // The 503 leaves the outcome unknown and the order shows nothing: it is looked up and created again only after the recheck wait.
        await processor.RequestAsync(request);
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));

        var waited = TimeSpan.Zero;
        while (await sandbox.CallsAsync("refund/create") == 1)
        {
            Assert.True(waited <= RecheckAfter * 2, $"not created again {waited} after the unknown outcome (Refunds:RecheckAfter {RecheckAfter})");
            Assert.Empty(processor.Published<RefundSubmitted>());
            var pass = passes.Last(Sweeper);
            clock.Advance(SweepInterval);
            waited += SweepInterval;
            await passes.WaitForAsync(Sweeper, pass + 1);
        }

        Assert.True(waited >= RecheckAfter, $"created again only after Refunds:RecheckAfter, not after {waited} on the processor's clock");
        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(2, await sandbox.CallsAsync("refund/create"));
        Assert.True(await sandbox.CallsAsync("refund/getByOrder") >= 2, "looked up by order before creating again");
        Assert.Single(processor.Published<RefundSubmitted>());
        Assert.Equal(submitted.RefundId, Assert.Single(await sandbox.RefundsOfOrderAsync(order)).Id);
    }

    [Fact]
    public async Task Invalid_token_on_create_refreshes_it_once_and_sends_the_create_again()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_016", count = 1 });
        var request = RefundHarness.Request(order, 1.00m);

        await processor.RequestAsync(request);

        await processor.SubmittedAsync(request.RefundRequestId);
        Assert.Equal(2, await sandbox.CallsAsync("getToken"));
        Assert.Equal(2, await sandbox.CallsAsync("refund/create"));
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(2L, await processor.ScalarAsync<long>("SELECT generation FROM payguru_tokens;"));
    }

    [Fact]
    public async Task Invalid_token_again_after_the_refresh_leaves_the_outcome_open_until_the_sweep_creates_it()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "error", code = "ERR_016", count = 2 });
        var request = RefundHarness.Request(order, 1.00m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId, TimeSpan.FromSeconds(15));
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(3, await sandbox.CallsAsync("refund/create"));
        Assert.Empty(processor.Published<RefundRejected>());
        Assert.Equal(submitted.RefundId, Assert.Single(await sandbox.RefundsOfOrderAsync(order)).Id);
    }

    [Fact]
    public async Task Failed_lookup_after_a_lost_answer_is_tried_again_and_adopts_the_refund()
    {
        await using var processor = await RefundHarness.StartAsync(sandbox);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 1 });
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/getByOrder", kind = "error", code = "ERR_007", count = 1 });
        var request = RefundHarness.Request(order, 1.00m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId, TimeSpan.FromSeconds(15));
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(1, await sandbox.CallsAsync("refund/create"));
        Assert.True(await sandbox.CallsAsync("refund/getByOrder") >= 2, "looked up again after the failed lookup");
        Assert.Equal(submitted.RefundId, Assert.Single(await sandbox.RefundsOfOrderAsync(order)).Id);
    }

    // A slow token fetch must not stretch an attempt past its lifetime: the token is fetched before the
    // attempt starts, and the whole create call is cut off at the attempt's call deadline.
    [Fact]
    public async Task Slow_token_before_the_create_does_not_lead_to_a_second_refund()
    {
        var passes = new JobPasses();
        await using var processor = await RefundHarness.StartAsync(sandbox, passes: passes);
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        // The first getToken outlives its 2 s attempt and is retried; the create then reaches Payguru late and takes effect a moment later.
        await sandbox.Admin.AddFaultAsync(new { endpoint = "getToken", kind = "latency", delayMs = 2500, count = 1 });
        await sandbox.Admin.AddFaultAsync(new { endpoint = "refund/create", kind = "latency", delayMs = 1000, count = 1 });
        var request = RefundHarness.Request(order, 1.00m);

        await processor.RequestAsync(request);

        var submitted = await processor.SubmittedAsync(request.RefundRequestId, TimeSpan.FromSeconds(20));
        // Nothing is still on its way: the request's own attempt ended with its handling (RequestAsync), one taken
        // over by the sweep ends within its pass (the second pass after this point began after it), and the
        // sandbox has finished every call it got.
        await passes.WaitForAsync(Sweeper, passes.Last(Sweeper) + 2);
        await sandbox.WaitUntilIdleAsync();
        Assert.Equal(1, await sandbox.RefundsCreatedAsync());
        Assert.Equal(submitted.RefundId, Assert.Single(await sandbox.RefundsOfOrderAsync(order)).Id);
    }
}
