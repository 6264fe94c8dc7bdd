using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Payguru.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The service's metrics class <typeparamref name="TMetrics"/>, and OpenTelemetry for the service only
    /// when <see cref="OtlpExport"/> says a signal is exported; otherwise no provider and no listener is
    /// registered, and the service's instruments cost nothing.
    /// Traces: incoming ASP.NET Core requests, outgoing HttpClient calls (headers are never recorded,
    /// query values are redacted by default) and MassTransit's send, receive and consume activities,
    /// which carry the trace across the broker, and the service's own spans, on an activity source named
    /// as its meter. Metrics: the service's own meter
    /// (<typeparamref name="TMetrics"/>), MassTransit's, and the HTTP server and client durations.
    /// The service is named after <typeparamref name="TMetrics"/> unless <c>OTEL_SERVICE_NAME</c> or
    /// <c>OTEL_RESOURCE_ATTRIBUTES</c> says otherwise; the exporter reads the other <c>OTEL_EXPORTER_OTLP_*</c>
    /// variables (protocol, headers, timeout) itself.
    /// </summary>
    public static IServiceCollection AddPayguruTelemetry<TMetrics>(this IServiceCollection services, IConfiguration configuration)
        where TMetrics : class, IServiceMetrics
    {
        // The service's meter comes from the meter factory, exported or not.
        services.AddMetrics();
        services.AddSingleton<TMetrics>();

        var export = OtlpExport.From(configuration);
        if (!export.Any)
        {
            return services;
        }

        // The variables come last so that they win over the default name.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.Clear().AddService(TMetrics.ServiceName).AddTelemetrySdk().AddEnvironmentVariableDetector());
        if (export.Traces)
        {
            telemetry.WithTracing(tracing => tracing
                // Orchestrators poll the health endpoints every few seconds: not worth a trace each.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(TMetrics.MeterName)
                .AddOtlpExporter());
        }

        if (export.Metrics)
        {
            // Created with the provider, so that its observable instruments are read from the first collection on.
            services.ConfigureOpenTelemetryMeterProvider((provider, _) => provider.GetRequiredService<TMetrics>());
            telemetry.WithMetrics(metrics => metrics
                .AddMeter(TMetrics.MeterName)
                .AddMeter(InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddOtlpExporter());
        }

        return services;
    }
}
