namespace Payguru.Bench;

/// <summary>What the gateway must achieve on this benchmark (bench/README.md).</summary>
public static class Targets
{
    /// <summary>Gateway notifications/s divided by baseline publishes/s.</summary>
    public const double MinThroughputRatio = 0.6;

    /// <summary>Peak working set (VmHWM) of the gateway process.</summary>
    public const long MaxGatewayPeakBytes = 200L * 1024 * 1024;
}
