using System.Net;
using Payguru.Provider.Tests.Client.Infrastructure;
using Payguru.Provider.Wire;
using Payguru.Testing;
using Polly.Timeout;
using Refit;

namespace Payguru.Provider.Tests.Client;

/// <summary>
/// The standard resilience handler as <c>AddPayguruClients</c> configures it: GETs are retried, <c>refund/create</c>
/// never is (invariant 5, docs/architecture.md), and a call held past <c>Payguru:RequestTimeout</c> fails with a timeout.
/// </summary>
public sealed class PayguruClientResilienceTests(SandboxFixture sandbox) : SandboxClientTest(sandbox)
{
    [Fact]
    public async Task A_5xx_on_create_is_not_retried_and_the_caller_sees_it()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Sandbox.AddFaultAsync(new { endpoint = "refund/create", kind = "status", status = 503, count = 3 });

        var response = await CreateAsync(order);

        // What happens: Refit's IApiResponse<T> does not throw for a non-success status. It answers with the 503,
        // no Content, and an ApiException in Error (Task<T> methods throw that ApiException instead).
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(response.IsSuccessStatusCode);
        Assert.Null(response.Content);
        var error = Assert.IsType<ApiException>(response.Error, exactMatch: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);

        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.CreateCalls);
        Assert.Equal(0, stats.RefundsCreated);
        Assert.Single(Clients.SentTo("/phs/refund/create"));
        Assert.Equal(0, Clients.Tokens.Refreshes);
    }

    [Fact]
    public async Task A_5xx_on_get_by_order_is_retried_and_succeeds()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        var id = await CreatedAsync(order);
        await Sandbox.AddFaultAsync(new { endpoint = "refund/getByOrder", kind = "status", status = 503, count = 1 });

        var answer = await Clients.Refunds.GetByOrderAsync(order, Deadline);

        Assert.Equal(PayguruStatusCodes.Success, answer.Status);
        Assert.Equal(id, Assert.Single(answer.Data!).Id);
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(2, stats.GetByOrderCalls);
        Assert.Equal(2, Clients.SentTo("/phs/refund/getByOrder").Count);
        Assert.Equal(1, stats.CreateCalls);
    }

    [Fact]
    public async Task A_get_by_order_held_past_the_attempt_timeout_once_is_retried_and_succeeds()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        var id = await CreatedAsync(order);
        await Sandbox.AddFaultAsync(new { endpoint = "refund/getByOrder", kind = "hold", delayMs = 20_000, count = 1 });

        var answer = await Clients.Refunds.GetByOrderAsync(order, Deadline);

        Assert.Equal(PayguruStatusCodes.Success, answer.Status);
        Assert.Equal(id, Assert.Single(answer.Data!).Id);
        Assert.Equal(2, (await Sandbox.StatsAsync()).GetByOrderCalls);
    }

    [Fact]
    public async Task A_5xx_on_every_get_by_order_attempt_ends_in_an_exception_after_at_most_three_retries()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Sandbox.AddFaultAsync(new { endpoint = "refund/getByOrder", kind = "status", status = 503 });

        var error = await Record.ExceptionAsync(() => Clients.Refunds.GetByOrderAsync(order, Deadline));

        // A Task<T> method throws. Which exception depends on timing: the standard retry waits about 2, 4 and 8 s
        // (exponential, jittered) between attempts, while the total request timeout is 3 x RequestTimeout + 5 s
        // (11 s here). When all four attempts fit, the last 503 comes back as an ApiException; when the total timeout
        // ends the call first, it is an ApiRequestException around Polly's TimeoutRejectedException.
        switch (error)
        {
            case ApiException api:
                Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
                break;
            case ApiRequestException request:
                Assert.IsType<TimeoutRejectedException>(request.InnerException);
                break;
            default:
                Assert.Fail($"expected an ApiException or an ApiRequestException, got {error?.GetType().Name ?? "nothing"}");
                break;
        }

        var calls = (await Sandbox.StatsAsync()).GetByOrderCalls;
        Assert.InRange(calls, 2, 4); // retried, and not more than the standard handler's 3 retries
        Assert.Equal(calls, Clients.SentTo("/phs/refund/getByOrder").Count);
    }

    [Fact]
    public async Task A_create_held_past_the_request_timeout_fails_with_a_timeout_while_the_refund_was_made()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Clients.Tokens.GetTokenAsync(Deadline); // so that only the create is timed below
        await Sandbox.AddFaultAsync(new { endpoint = "refund/create", kind = "hold", delayMs = 20_000, count = 1 });

        var response = await CreateAsync(order);

        // The standard handler's attempt timeout gives up with Polly's TimeoutRejectedException (held for 20 s, the
        // create would otherwise have been answered: no elapsed time needs measuring). Refit 16 does not
        // throw it from an IApiResponse<T> method: the response has no status code and an ApiRequestException
        // around the TimeoutRejectedException in Error. The caller cannot tell whether the refund was made.
        Assert.Null(response.StatusCode);
        Assert.False(response.IsSuccessful);
        Assert.Null(response.Content);
        var error = Assert.IsType<ApiRequestException>(response.Error);
        Assert.IsType<TimeoutRejectedException>(error.InnerException);
        Assert.False(Deadline.IsCancellationRequested);

        // It was: this is the "unknown outcome" a refund request must look up by order before anything else.
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.CreateCalls);
        Assert.Equal(1, stats.RefundsCreated);
        Assert.Single(Clients.SentTo("/phs/refund/create"));

        var refunds = await Clients.Refunds.GetByOrderAsync(order, Deadline);
        Assert.Equal(PayguruStatusCodes.Success, refunds.Status);
        Assert.Equal("1.50", Assert.Single(refunds.Data!).Amount);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_fails_without_a_retry_while_the_refund_was_made()
    {
        var order = NewOrder();
        await Sandbox.SeedPaymentAsync(order, "10.50");
        await Sandbox.AddFaultAsync(new { endpoint = "refund/create", kind = "drop", count = 1 });

        var response = await CreateAsync(order);

        // As with a timeout: no status code, an ApiRequestException around the HttpRequestException in Error.
        Assert.Null(response.StatusCode);
        Assert.Null(response.Content);
        var error = Assert.IsType<ApiRequestException>(response.Error);
        Assert.IsType<HttpRequestException>(error.InnerException, exactMatch: false);
        await Poll.WaitUntilAsync(
            async _ => (await Sandbox.StatsAsync()).RefundsCreated == 1, TimeSpan.FromSeconds(10), "the refund to be counted");
        var stats = await Sandbox.StatsAsync();
        Assert.Equal(1, stats.CreateCalls);
        Assert.Single(Clients.SentTo("/phs/refund/create"));
    }
}
