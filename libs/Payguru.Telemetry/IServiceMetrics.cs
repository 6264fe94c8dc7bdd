namespace Payguru.Telemetry;

/// <summary>
/// A service's own instruments, one class per service, injected where the events happen. It takes
/// its meter from <see cref="System.Diagnostics.Metrics.IMeterFactory"/> under <see cref="MeterName"/>.
/// </summary>
public interface IServiceMetrics
{
    /// <summary>The service's own spans use an activity source of this name too.</summary>
    static abstract string MeterName { get; }

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    static abstract string ServiceName { get; }
}
