using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Payguru.Contracts.Ids;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Refunds;

/// <summary>
/// A service that speaks HTTP: <c>POST /refunds</c> on the gateway, the processor and the sandbox
/// behind it, <c>GET /refunds/{id}</c> answered by the processor over the bus, and the refund's
/// result from Payguru's notification through the gateway, all real processes on a real broker.
/// </summary>
public sealed class RefundHttpApiTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string ApiKey = "demo-api-key";

    [Fact]
    public async Task Refund_requested_over_http_is_submitted_paid_and_reported_once()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        await using var sandbox = await DemoSystem.StartSandboxAsync(gatewayUrl);
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-H1", "20.00");
        var settings = DemoSystem.RefundSettings(sandbox);
        // The poller asks too, so both paths report the payout: subscribers must still see it once.
        settings["Refunds__ReconcileAfter"] = "00:00:01";
        settings["Refunds__ReconcileInterval"] = "00:00:00.500";
        settings[ProcessorJob.Reconciler.LogLevelSetting] = "Debug";
        await using var processor = await system.StartProcessorAsync(settings: settings);
        var (gateway, client) = await system.StartGatewayAsync(url: gatewayUrl);
        await using var _ = gateway;
        await using var events = await RefundEvents.StartAsync(vhost);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);

        var id = Guid.NewGuid();
        var body = new { refundRequestId = id, order = "ORDER-H1", amount = 7.25m, contactName = "Demo Customer", iban = "TR33 0006 1005 1978 6457 8413 26" };
        var accepted = await client.PostAsJsonAsync("/refunds", body);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/refunds/{id}", accepted.Headers.Location?.OriginalString);

        var submitted = await WaitForStateAsync(client, id, RefundStateNames.Submitted);
        var refundId = submitted.GetProperty("refundId").GetInt64();
        Assert.Equal(7.25m, submitted.GetProperty("amount").GetDecimal());

        // The same request again over HTTP: accepted again and answered submitted again, still one refund.
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/refunds", body)).StatusCode);
        await Poll.WaitUntilAsync(() => events.CountSubmitted(id) >= 2, TimeSpan.FromSeconds(30), "the repeated request answered again");

        // Payguru pays at the end of the day and notifies the gateway.
        await admin.EndOfDayAsync(pay: true);
        var paid = await WaitForStateAsync(client, id, RefundStateNames.Paid);
        Assert.Equal(RefundStatuses.Paid, paid.GetProperty("providerStatus").GetInt32());
        var settled = await events.WaitForSettledAsync(refundId, RefundStatuses.Paid);
        Assert.Equal("ORDER-H1", settled.Order);

        // The poller ran meanwhile; whatever path reported it, one id: a subscriber's inbox sees it once.
        // Two passes of the poller after the result is in: the second began after it, so no report is still to come.
        await ProcessorJob.Reconciler.WaitForPassesAsync(processor, 2, fromLine: processor.OutputLineCount);
        // Every report is here: the gateway's (the sandbox has its OK, given once the broker confirmed it) and each the poller logged.
        await Poll.WaitUntilAsync(
            _ => admin.StatsAsync(), stats => stats.GetProperty("callbacks").GetProperty("pending").GetInt64() == 0,
            TimeSpan.FromSeconds(30), "the gateway to have answered the sandbox's notification");
        var polled = processor.CountOutput($"Reconciliation: refund {refundId} ");
        var paidReports = await Poll.WaitUntilAsync(
            _ => Task.FromResult(events.Settled.Where(e => e.Message.RefundId == refundId && e.Message.Status == RefundStatuses.Paid).ToList()),
            reports => reports.Count >= 1 + polled,
            TimeSpan.FromSeconds(30),
            $"the gateway's report and the poller's {polled}");
        Assert.All(paidReports, e => Assert.Equal(MessageIds.RefundSettled(refundId, RefundStatuses.Paid), e.MessageId));
        var stats = await admin.StatsAsync();
        Assert.Equal(1, stats.GetProperty("refundsCreated").GetInt32());

        // Unknown id → 404; no key → 401; a bad body → 400 naming the field, and the IBAN never echoed.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/refunds/{Guid.NewGuid()}")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = client.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/refunds", body)).StatusCode);
        var bad = await client.PostAsJsonAsync("/refunds", body with { iban = "TR370006400012345678987654" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("iban", problem);
        Assert.DoesNotContain("TR370006400012345678987654", problem);
    }

    static async Task<JsonElement> WaitForStateAsync(HttpClient client, Guid id, string state) =>
        await Poll.WaitUntilAsync(
            async cancellationToken =>
            {
                using var response = await client.GetAsync($"/refunds/{id}", cancellationToken);
                return response.StatusCode == HttpStatusCode.OK
                    ? await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)
                    : default;
            },
            value => value.ValueKind == JsonValueKind.Object && value.GetProperty("state").GetString() == state,
            TimeSpan.FromSeconds(60),
            $"refund {id} to be {state}",
            TimeSpan.FromMilliseconds(250));
}
