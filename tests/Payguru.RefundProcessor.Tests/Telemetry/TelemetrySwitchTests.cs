using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payguru.RefundProcessor.Extensions;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Telemetry;
using Payguru.Telemetry;
using Payguru.Testing;

namespace Payguru.RefundProcessor.Tests.Telemetry;

/// <summary>The processor's telemetry as Program.cs registers it: off without an OTLP endpoint, on with one.</summary>
public sealed class TelemetrySwitchTests
{
    [Fact]
    public void No_OTLP_endpoint_registers_no_tracer_or_meter_provider_but_the_metrics_class()
    {
        using var provider = Processor([]);

        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
        Assert.NotNull(provider.GetService<ProcessorMetrics>());
    }

    [Fact]
    public void OTLP_endpoint_registers_both_providers_under_the_processor_service_name()
    {
        using var provider = Processor(new() { [OtlpExport.Endpoint] = FreePort.NextHttpUrl() });

        var tracing = provider.GetService<TracerProvider>();
        Assert.NotNull(tracing);
        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.Equal("payguru-refund-processor", tracing.GetResource().Attributes.Single(a => a.Key == "service.name").Value);
    }

    [Fact]
    public void OTLP_endpoint_exports_the_processors_own_spans_such_as_an_outbox_relay()
    {
        var spans = new SpanRecorder();
        using var provider = Processor(
            new() { [OtlpExport.Endpoint] = FreePort.NextHttpUrl() },
            services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans)));
        provider.GetRequiredService<TracerProvider>();

        using (OutboxTraceContext.Resume(spans.Traceparent))
        {
        }

        var relay = Assert.Single(spans.Spans);
        Assert.Equal(ProcessorMetrics.MeterName, relay.Source.Name);
        Assert.Equal("outbox relay", relay.DisplayName);
    }

    static ServiceProvider Processor(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        settings["ConnectionStrings:Payguru"] = "Data Source=unused.db";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddProcessorOptions(configuration).AddProcessorDatabase().AddProcessorTelemetry(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
