using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Payguru.Contracts.Refunds;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Tests.Consumers;
using Payguru.RefundProcessor.Tests.Infrastructure;
using Payguru.Telemetry;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Telemetry;

/// <summary>
/// With an OTLP endpoint configured, a refund request is one trace: the consume of RequestRefund,
/// the provider calls it makes against the sandbox over HTTP (getToken, refund/create), and the
/// publish of its outcome, with no key, token or IBAN among the attributes.
/// </summary>
public sealed class RefundTraceTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>, IAsyncLifetime
{
    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Refund_request_is_one_trace_from_the_consume_through_refund_create_to_RefundSubmitted()
    {
        var spans = new SpanRecorder();
        var settings = RefundHarness.Settings(sandbox.Url);
        // Nothing listens there: the spans are read from the recorder.
        settings[OtlpExport.Endpoint] = FreePort.NextHttpUrl();
        // The sweep takes up a refund accepted one interval ago (200 ms in the harness); on a busy
        // machine it may still win the create against the submit after the commit, whose create is
        // then a trace of its own. Not in this test.
        settings["Refunds:SweepInterval"] = "01:00:00";
        await using var processor = await ProcessorHarness.StartAsync(settings: settings, configureServices: services =>
        {
            services.AddProcessorRefunds();
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans));
        });
        // No host here to start it: the provider listens once it is built.
        processor.Services.GetRequiredService<TracerProvider>();
        var order = RefundHarness.NewOrder();
        await sandbox.Admin.SeedPaymentAsync(order, "10.00");
        var request = RefundHarness.Request(order, 4.00m);

        Guid messageId;
        using (spans.StartRoot())
        {
            messageId = await processor.PublishAsync(request);
        }

        Assert.False(Assert.Single(await processor.FinishedAsync(messageId)).Faulted);
        var submitted = await processor.SubmittedAsync(request.RefundRequestId);
        var recorded = await spans.WaitUntilAsync(
            s => s.Any(IsConsume) && s.Any(IsCreate) && s.Any(IsGetToken) && s.Any(IsSubmittedPublish),
            "the consume, getToken, refund/create and RefundSubmitted spans");

        var consume = Assert.Single(recorded, IsConsume);
        var create = Assert.Single(recorded, IsCreate);
        var receive = Parent(recorded, consume);
        Assert.Equal("MassTransit", receive.Source.Name);
        Assert.Equal(ActivityKind.Consumer, receive.Kind);
        Assert.Equal(messageId.ToString("D"), receive.GetTagItem("messaging.message.id"));
        // The create runs once the handling committed: under the receive of the message, beside its consume.
        Assert.Contains(receive, Ancestors(recorded, create));
        Assert.Equal("POST", create.GetTagItem("http.request.method"));
        Assert.Equal(200, create.GetTagItem("http.response.status_code"));
        Assert.Contains(receive, Ancestors(recorded, Assert.Single(recorded, IsSubmittedPublish)));
        // getToken's query carries the merchant's key: the whole query is redacted.
        Assert.EndsWith("/phs/getToken?*", (string?)Assert.Single(recorded, IsGetToken).GetTagItem("url.full"));

        var token = await processor.ScalarAsync<string>("SELECT token FROM payguru_tokens;");
        var attributes = spans.AttributeText();
        Assert.Contains("url.full=", attributes);
        foreach (var secret in new[] { token, Demo.MerchantKey, Demo.ServiceKey, Demo.TokenKey, Demo.Iban, request.ContactName })
        {
            Assert.DoesNotContain(secret, attributes, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("header", attributes, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(submitted.RefundId.ToString(), (await sandbox.RefundsOfOrderAsync(order)).Single().Id.ToString());
    }

    static bool IsConsume(Activity span) =>
        span.Source.Name == "MassTransit" && (span.GetTagItem("messaging.masstransit.consumer_type") as string)?.Contains("RequestRefundConsumer") == true;

    static bool IsCreate(Activity span) => IsProviderCall(span, "/phs/refund/create");

    static bool IsGetToken(Activity span) => IsProviderCall(span, "/phs/getToken");

    static bool IsProviderCall(Activity span, string path) =>
        span.Kind == ActivityKind.Client && span.Source.Name == "System.Net.Http"
        && (span.GetTagItem("url.full") as string)?.Contains(path, StringComparison.Ordinal) == true;

    static bool IsSubmittedPublish(Activity span) =>
        span.Kind == ActivityKind.Producer && (span.GetTagItem("messaging.destination.name") as string)?.EndsWith(nameof(RefundSubmitted), StringComparison.Ordinal) == true;

    static Activity Parent(IReadOnlyList<Activity> spans, Activity span) =>
        Assert.Single(spans, candidate => candidate.SpanId == span.ParentSpanId);

    static List<Activity> Ancestors(IReadOnlyList<Activity> spans, Activity span)
    {
        var ancestors = new List<Activity>();
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            ancestors.Add(parent);
        }

        return ancestors;
    }
}
