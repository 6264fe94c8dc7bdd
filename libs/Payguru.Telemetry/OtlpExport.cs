using Microsoft.Extensions.Configuration;

namespace Payguru.Telemetry;

/// <summary>
/// Which signals are exported, decided by the standard OpenTelemetry variables (read as configuration:
/// the environment by default, the same keys the SDK's OTLP exporter reads). A signal goes out when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or its own <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c> /
/// <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c> is set; nothing goes out when <c>OTEL_SDK_DISABLED</c>
/// is <c>true</c>. The exporter itself would fall back to localhost:4317, so "no endpoint" must mean
/// "off", not "export to a collector that is not there".
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
