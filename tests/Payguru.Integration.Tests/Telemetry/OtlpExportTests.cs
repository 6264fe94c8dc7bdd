using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Payguru.Contracts.Payments;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Telemetry;

/// <summary>
/// The real services, told by the standard variables to export over OTLP/HTTP to a stand-in
/// collector: the gateway's traces and metrics after a notification, and one trace of a refund
/// requested over HTTP, from the gateway's request through the broker to the processor's
/// provider calls and its RefundSubmitted; and an event the outbox relay sends late, in the trace
/// that wrote it.
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
        var (gateway, client) = await system.StartGatewayAsync(settings: Exporting(collector));
        await using var _ = gateway;
        var notification = new SignedNotification(Txid: 700001, Order: "ORDER-OTLP-1");

        var response = await client.GetAsync(notification.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The publish span ends before the request's span, so a batch may be exported between them: each is waited for on its own.
        var traces = await collector.WaitForExportAsync("/v1/traces", "payguru-gateway", "GET /PhsNotifyService");
        await collector.WaitForExportAsync("/v1/traces", "payguru-gateway", "Payguru.Contracts.Payments:PaymentAccepted");
        Assert.Equal("POST", traces.Method);
        Assert.Equal("application/x-protobuf", traces.ContentType);
        var metrics = await collector.WaitForExportAsync("/v1/metrics", "payguru-gateway", "payguru.notifications", "accepted");
        Assert.Equal("POST", metrics.Method);
        Assert.All(collector.Exports, export => Assert.False(export.Contains(notification.Fields["key"]), $"{export.Path} carries the notification's key"));
    }

    [Fact]
    public async Task Refund_requested_over_http_is_one_trace_across_the_gateway_the_broker_and_the_processor()
    {
        await using var collector = new OtlpReceiver();
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var gatewayUrl = FreePort.NextHttpUrl();
        await using var sandbox = await DemoSystem.StartSandboxAsync(gatewayUrl);
        using var admin = new SandboxClient(sandbox.Url);
        await admin.SeedPaymentAsync("ORDER-OTLP-2", "20.00");
        var settings = DemoSystem.RefundSettings(sandbox);
        // The sweep could win the create and make it a trace of its own (see RefundTraceTests).
        settings["Refunds__SweepInterval"] = "01:00:00";
        foreach (var (name, value) in Exporting(collector))
        {
            settings[name] = value;
        }

        await using var processor = await system.StartProcessorAsync(settings: settings);
        var (gateway, client) = await system.StartGatewayAsync(settings: Exporting(collector), url: gatewayUrl);
        await using var _ = gateway;
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(HttpMethod.Post, "/refunds")
        {
            Content = JsonContent.Create(new { refundRequestId = Guid.NewGuid(), order = "ORDER-OTLP-2", amount = 5.00m, contactName = "Demo Customer", iban = Demo.Iban }),
        };
        request.Headers.Add("X-Api-Key", "demo-api-key");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-gateway", "POST /refunds");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-gateway", "Payguru.Contracts.Refunds:RequestRefund");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-refund-processor", "RequestRefundConsumer");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-refund-processor", "/phs/refund/create");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-refund-processor", "Payguru.Contracts.Refunds:RefundSubmitted");
        var token = (string)Assert.Single(await system.Database.QueryAsync("SELECT token FROM payguru_tokens"))["token"]!;
        Assert.All(collector.Exports, export =>
        {
            Assert.False(export.Contains(token), $"{export.Path} carries the Payguru token");
            Assert.False(export.Contains(Demo.Iban), $"{export.Path} carries the IBAN");
            Assert.False(export.Contains(Demo.MerchantKey), $"{export.Path} carries the merchant key");
            Assert.False(export.Contains(Demo.TokenKey), $"{export.Path} carries getToken's key");
            Assert.False(export.Contains("demo-api-key"), $"{export.Path} carries the API key");
        });
    }

    [Fact]
    public async Task Event_the_relay_sends_late_is_exported_in_the_trace_that_wrote_it()
    {
        await using var collector = new OtlpReceiver();
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        await using var processor = await system.StartProcessorAsync(settings: Exporting(collector));
        var traceId = ActivityTraceId.CreateRandom();
        var report = new PaymentStatusReported(
            720001, "PG-720001", "ORDER-OTLP-3", 1.00m, "1.00", 2, new DateTimeOffset(2018, 1, 18, 13, 48, 39, TimeSpan.FromHours(3)), "ziraatbank", "DEMO");

        // What a writer that crashed before sending leaves: an unclaimed row with the trace it was written in.
        await using (var connection = new SqliteConnection(system.Sqlite.WriterConnectionString))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at)
                VALUES ($id, $type, $body, $traceParent, $created);
                """;
            insert.Parameters.AddWithValue("$id", Guid.NewGuid().ToString("D"));
            insert.Parameters.AddWithValue("$type", typeof(PaymentStatusReported).FullName);
            insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(report));
            insert.Parameters.AddWithValue("$traceParent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
            insert.Parameters.AddWithValue("$created", DateTimeOffset.UtcNow.ToString("O"));
            await insert.ExecuteNonQueryAsync();
        }

        await system.Database.WaitForCountAsync("outbox_messages", 1, TimeSpan.FromSeconds(30), "sent_at IS NOT NULL");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-refund-processor", "outbox relay");
        await collector.WaitForTraceExportAsync("/v1/traces", traceId, "payguru-refund-processor", "Payguru.Contracts.Payments:PaymentStatusReported");
    }

    /// <summary>The standard variables for an OTLP/HTTP export to <paramref name="collector"/>, soon after each span and every half second for metrics.</summary>
    static Dictionary<string, string?> Exporting(OtlpReceiver collector) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
    };
}
