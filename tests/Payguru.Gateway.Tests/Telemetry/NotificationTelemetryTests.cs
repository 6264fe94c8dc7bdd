using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Payguru.Contracts.Ids;
using Payguru.Gateway.Telemetry;
using Payguru.Gateway.Tests.Infrastructure;
using Payguru.Telemetry;
using Payguru.Testing;

namespace Payguru.Gateway.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint configured, a notification is one trace from the request in to the publish
/// out, continuing the caller's <c>traceparent</c>, with no key among its attributes; and every
/// answer is counted by kind and outcome (counted whether exported or not).
/// </summary>
public sealed class NotificationTelemetryTests : GatewayTest
{
    readonly SpanRecorder _spans;

    public NotificationTelemetryTests()
        : this(new SpanRecorder())
    {
    }

    NotificationTelemetryTests(SpanRecorder spans)
        : base(new GatewayFactory(new Dictionary<string, string?> { ["Gateway:PublishTimeout"] = "00:00:02" })
        {
            // Nothing listens there: the spans are read from the recorder, the exporter's failures do not matter.
            HostSettings = new Dictionary<string, string?> { [OtlpExport.Endpoint] = FreePort.NextHttpUrl() },
            ConfigureServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans)),
        })
    {
        _spans = spans;
    }

    [Fact]
    public async Task Payment_notification_is_one_trace_from_the_request_to_the_publish()
    {
        var spans = _spans;
        var request = PaymentNotifications.Request(NotificationForm.Query, PaymentNotifications.Demo());
        // The caller's trace continues: Payguru sends none, but a proxy in front of the gateway may.
        request.Headers.Add("traceparent", spans.Traceparent);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await spans.WaitUntilAsync(
            s => s.Any(IsServer) && s.Any(span => span.Kind == ActivityKind.Producer), "the server span and the publish span");
        var server = Assert.Single(recorded, IsServer);
        var publish = Assert.Single(recorded, span => span.Kind == ActivityKind.Producer);
        Assert.Equal(spans.TraceId, server.TraceId);
        Assert.Equal(server.SpanId, publish.ParentSpanId);
        Assert.Equal(PaymentNotifications.Path, server.GetTagItem("url.path"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));
        Assert.Equal("MassTransit", publish.Source.Name);
        Assert.Equal("urn:message:Payguru.Contracts.Payments:PaymentAccepted", publish.GetTagItem("messaging.destination.name"));
        Assert.Equal(MessageIds.Payment(28120, 3).ToString("D"), publish.GetTagItem("messaging.masstransit.message_id"));
        // The callback's query carries its key and the order: recorded redacted.
        Assert.Contains("key=Redacted", (string?)server.GetTagItem("url.query"));
        var attributes = spans.AttributeText();
        Assert.DoesNotContain(PaymentNotifications.DemoKey, attributes);
        Assert.DoesNotContain("ORDER-1001", attributes);
    }

    [Fact]
    public async Task Notifications_are_counted_by_kind_and_outcome()
    {
        using var metrics = new MeasurementRecorder(Gateway.Services.GetRequiredService<IMeterFactory>(), GatewayMetrics.MeterName);

        await SendAsync(PaymentNotifications.Request(NotificationForm.Form, PaymentNotifications.Demo()), HttpStatusCode.OK);
        await SendAsync(PaymentNotifications.Request(NotificationForm.Json, PaymentNotifications.NonAsciiDemo()), HttpStatusCode.OK);
        await SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()), HttpStatusCode.OK);
        var forged = PaymentNotifications.Demo();
        forged["key"] = new string('0', 32);
        await SendAsync(PaymentNotifications.Request(NotificationForm.Query, forged), HttpStatusCode.BadRequest);
        Gateway.Faults.Fault = BrokerFault.Unreachable;
        await SendAsync(RefundNotifications.Request(NotificationForm.Query, RefundNotifications.Paid()), HttpStatusCode.ServiceUnavailable);

        Assert.Equal(2, metrics.Sum(GatewayMetrics.Notifications, ("kind", "payment"), ("outcome", "accepted")));
        Assert.Equal(1, metrics.Sum(GatewayMetrics.Notifications, ("kind", "payment"), ("outcome", "refused")));
        Assert.Equal(1, metrics.Sum(GatewayMetrics.Notifications, ("kind", "refund"), ("outcome", "accepted")));
        Assert.Equal(1, metrics.Sum(GatewayMetrics.Notifications, ("kind", "refund"), ("outcome", "failed")));
        Assert.Equal(5, metrics.Sum(GatewayMetrics.Notifications));
    }

    async Task SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var response = await Client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    static bool IsServer(Activity span) => span.Kind == ActivityKind.Server;
}
