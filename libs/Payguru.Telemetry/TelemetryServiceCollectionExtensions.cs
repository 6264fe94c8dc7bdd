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
    /// OpenTelemetry only when <see cref="OtlpExport"/> says a signal is exported; otherwise no provider and no listener
    /// is registered, and the instruments cost nothing. HttpClient spans never record headers.
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
