namespace Payguru.Telemetry;

/// <summary>A service's own instruments, one class per service, on a meter from the <see cref="System.Diagnostics.Metrics.IMeterFactory"/>.</summary>
public interface IServiceMetrics
{
    /// <summary>The service's own spans use an activity source of this name too.</summary>
    static abstract string MeterName { get; }

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    static abstract string ServiceName { get; }
}
