namespace Payguru.Bench.Refunds;

/// <summary>What the refund path must achieve on this benchmark (bench/README.md).</summary>
public static class Targets
{
    /// <summary>Refunds per second through processor and sandbox divided by the baseline's.</summary>
    public const double MinThroughputRatio = 0.25;

    /// <summary>All refunds share one Payguru token (invariant 7, docs/architecture.md).</summary>
    public const long GetTokenCalls = 1;
}
