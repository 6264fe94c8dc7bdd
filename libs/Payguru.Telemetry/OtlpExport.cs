using Microsoft.Extensions.Configuration;

namespace Payguru.Telemetry;

/// <summary>
/// Which signals are exported, by the standard OpenTelemetry variables the SDK's OTLP exporter reads. The exporter
/// itself would fall back to localhost:4317, so "no endpoint" must mean "off", not "export to a collector that is not there".
/// </summary>
public sealed record OtlpExport(bool Traces, bool Metrics)
{
    public const string Endpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string TracesEndpoint = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    public const string MetricsEndpoint = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string SdkDisabled = "OTEL_SDK_DISABLED";

    public bool Any => Traces || Metrics;

    public static OtlpExport From(IConfiguration configuration)
    {
        if (bool.TryParse(configuration[SdkDisabled]?.Trim(), out var disabled) && disabled)
        {
            return new OtlpExport(false, false);
        }

        var shared = IsSet(configuration, Endpoint);
        return new OtlpExport(shared || IsSet(configuration, TracesEndpoint), shared || IsSet(configuration, MetricsEndpoint));
    }

    static bool IsSet(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
