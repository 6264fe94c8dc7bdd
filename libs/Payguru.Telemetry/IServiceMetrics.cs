namespace Payguru.Telemetry;

/// <summary>
/// A service's own instruments, one class per service, injected where the events happen. It takes
/// its meter from <see cref="System.Diagnostics.Metrics.IMeterFactory"/> under <see cref="MeterName"/>.
/// </summary>
public interface IServiceMetrics
{
    /// <summary>The meter the class's instruments are on; the service's own spans use an activity source of this name.</summary>
    static abstract string MeterName { get; }

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    static abstract string ServiceName { get; }
}
