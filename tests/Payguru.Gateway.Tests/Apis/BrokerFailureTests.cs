using System.Net;
using System.Text.Json;
using Payguru.Contracts.Payments;
using Payguru.Contracts.Refunds;
using Payguru.Gateway.Tests.Infrastructure;

namespace Payguru.Gateway.Tests.Apis;

/// <summary>
/// Invariant 1 (docs/architecture.md) at the gateway's edge, with the in-memory broker made to fail (<see cref="BrokerFaults"/>):
/// a message that is not confirmed or comes back unroutable is answered 503 — never <c>OK</c>, never 202 —
/// within <c>Gateway:PublishTimeout</c>. The end-to-end tests do the same against a real RabbitMQ.
/// </summary>
public sealed class BrokerFailureTests() : GatewayTest(new(new Dictionary<string, string?> { ["Gateway:PublishTimeout"] = PublishTimeout.ToString() }))
{
    static readonly TimeSpan PublishTimeout = TimeSpan.FromMilliseconds(300);

    [Theory]
    [InlineData(BrokerFault.Unreachable, "broker is unavailable")]
    [InlineData(BrokerFault.Returned, "no queue is bound")]
    public async Task Refund_notification_not_queued_is_answered_503_not_OK(BrokerFault fault, string reason)
    {
        Gateway.Faults.Fault = fault;

        // An unreachable broker never completes the publish: a 503 at all means Gateway:PublishTimeout ended the wait.
        var response = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, body);
        Assert.NotEqual("OK", body);
        Assert.Equal(0, Gateway.Publishes.Count);
        // The harness lists a failed publish too, with its exception: none went through.
        Assert.DoesNotContain(Gateway.Harness.Published.Select<RefundSettled>(), p => p.Exception is null);
    }

    [Fact]
    public async Task Refund_notification_retried_after_the_broker_recovers_is_queued()
    {
        Gateway.Faults.Fault = BrokerFault.Unreachable;
        var refused = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()));
        Gateway.Faults.Fault = BrokerFault.None;

        var retried = await Client.SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("OK", await retried.Content.ReadAsStringAsync());
        Assert.Single(Gateway.Publishes.Of<RefundSettled>());
    }

    [Theory]
    [InlineData(BrokerFault.Unreachable, "broker is unavailable")]
    [InlineData(BrokerFault.Returned, "no queue is bound")]
    public async Task Payment_notification_not_queued_is_answered_503_not_OK(BrokerFault fault, string reason)
    {
        Gateway.Faults.Fault = fault;

        var response = await Client.SendAsync(PaymentNotifications.Request(NotificationForm.Json, PaymentNotifications.Demo()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Gateway.Publishes.Count);
        Assert.DoesNotContain(Gateway.Harness.Published.Select<PaymentAccepted>(), p => p.Exception is null);
    }

    [Theory]
    [InlineData(BrokerFault.Unreachable, "broker is unavailable")]
    [InlineData(BrokerFault.Returned, "no queue is bound")]
    public async Task Refund_request_not_queued_is_answered_503_problem_not_202(BrokerFault fault, string reason)
    {
        Gateway.Faults.Fault = fault;

        var response = await Client.SendAsync(RefundRequests.Post(RefundRequests.Body()));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.Location);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(reason, problem.RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain(Gateway.Harness.Published.Select<RequestRefund>(), p => p.Exception is null);
    }
}
