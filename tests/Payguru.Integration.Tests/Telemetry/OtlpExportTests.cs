using System.Net;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Telemetry;

/// <summary>
/// The real gateway process, told by the standard variables to export over OTLP/HTTP, sends its
/// traces and metrics to the collector after a notification: the request's span and the publish's,
/// under the gateway's service name, and the notification counter; the notification's key is not
/// among them.
/// </summary>
public sealed class OtlpExportTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Gateway_exports_the_notification_trace_and_counter_to_the_OTLP_endpoint()
    {
        await using var collector = new OtlpReceiver();
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var (gateway, client) = await system.StartGatewayAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Export soon after the notification instead of after the default 5 s and 60 s.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        await using var _ = gateway;
        var notification = new SignedNotification(Txid: 700001, Order: "ORDER-OTLP-1");

        var response = await client.GetAsync(notification.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var traces = await collector.WaitForExportAsync("/v1/traces", "payguru-gateway", "GET /PhsNotifyService", "Payguru.Contracts.Payments:PaymentAccepted");
        Assert.Equal("POST", traces.Method);
        Assert.Equal("application/x-protobuf", traces.ContentType);
        var metrics = await collector.WaitForExportAsync("/v1/metrics", "payguru-gateway", "payguru.notifications", "accepted");
        Assert.Equal("POST", metrics.Method);
        Assert.All(collector.Exports, export => Assert.False(export.Contains(notification.Fields["key"]), $"{export.Path} carries the notification's key"));
    }
}
