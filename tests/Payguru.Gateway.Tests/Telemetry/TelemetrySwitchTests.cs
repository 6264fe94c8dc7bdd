using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Payguru.Gateway.Tests.Infrastructure;
using Payguru.Telemetry;
using Payguru.Testing;

namespace Payguru.Gateway.Tests.Telemetry;

/// <summary>
/// Telemetry is off unless the standard OTEL_* variables name an OTLP endpoint: no tracer or meter
/// provider, so no listener and no cost per request. The variables are given as configuration
/// (the environment is one of its sources); the ones not under test are blanked, so a developer's
/// own environment does not decide the outcome.
/// </summary>
public sealed class TelemetrySwitchTests
{
    static readonly string Endpoint = FreePort.NextHttpUrl();

    [Fact]
    public async Task No_OTLP_endpoint_registers_no_tracer_or_meter_provider()
    {
        await using var gateway = Gateway([]);

        Assert.Null(gateway.Services.GetService<TracerProvider>());
        Assert.Null(gateway.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task OTLP_endpoint_registers_both_providers_under_the_gateway_service_name()
    {
        await using var gateway = Gateway(new() { [OtlpExport.Endpoint] = Endpoint });

        var tracing = gateway.Services.GetService<TracerProvider>();
        Assert.NotNull(tracing);
        Assert.NotNull(gateway.Services.GetService<MeterProvider>());
        var resource = tracing.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("payguru-gateway", resource["service.name"]);
    }

    [Fact]
    public async Task Traces_endpoint_alone_registers_tracing_only()
    {
        await using var gateway = Gateway(new() { [OtlpExport.TracesEndpoint] = Endpoint + "/v1/traces" });

        Assert.NotNull(gateway.Services.GetService<TracerProvider>());
        Assert.Null(gateway.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task Metrics_endpoint_alone_registers_metrics_only()
    {
        await using var gateway = Gateway(new() { [OtlpExport.MetricsEndpoint] = Endpoint + "/v1/metrics" });

        Assert.Null(gateway.Services.GetService<TracerProvider>());
        Assert.NotNull(gateway.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task OTEL_SDK_DISABLED_wins_over_an_endpoint()
    {
        await using var gateway = Gateway(new() { [OtlpExport.Endpoint] = Endpoint, [OtlpExport.SdkDisabled] = "true" });

        Assert.Null(gateway.Services.GetService<TracerProvider>());
        Assert.Null(gateway.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task OTEL_SERVICE_NAME_and_OTEL_RESOURCE_ATTRIBUTES_are_honoured()
    {
        await using var gateway = Gateway(new()
        {
            [OtlpExport.Endpoint] = Endpoint,
            ["OTEL_SERVICE_NAME"] = "gateway-eu-1",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=staging,service.name=overruled",
        });

        var resource = gateway.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("gateway-eu-1", resource["service.name"]);
        Assert.Equal("staging", resource["deployment.environment"]);
    }

    [Fact]
    public async Task Service_name_in_OTEL_RESOURCE_ATTRIBUTES_replaces_the_default()
    {
        await using var gateway = Gateway(new()
        {
            [OtlpExport.Endpoint] = Endpoint,
            ["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=gateway-from-attributes",
        });

        var resource = gateway.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("gateway-from-attributes", resource["service.name"]);
    }

    /// <summary>The gateway with exactly <paramref name="variables"/> among the OTEL_* settings under test.</summary>
    static GatewayFactory Gateway(Dictionary<string, string?> variables)
    {
        var settings = new Dictionary<string, string?>
        {
            [OtlpExport.Endpoint] = "",
            [OtlpExport.TracesEndpoint] = "",
            [OtlpExport.MetricsEndpoint] = "",
            [OtlpExport.SdkDisabled] = "",
            ["OTEL_SERVICE_NAME"] = "",
            ["OTEL_RESOURCE_ATTRIBUTES"] = "",
        };
        foreach (var (key, value) in variables)
        {
            settings[key] = value;
        }

        var gateway = new GatewayFactory { HostSettings = settings };
        // Starts the host: the providers are built with it.
        _ = gateway.Server;
        return gateway;
    }
}
