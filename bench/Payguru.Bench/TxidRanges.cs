namespace Payguru.Bench;

/// <summary>
/// Distinct txids for every request of a run. The warm-up gets its own range so that the
/// recorded count can be taken over the measured txids alone.
/// </summary>
public static class TxidRanges
{
    public const long Warmup = 1;

    public const long Measured = 1_000_000_000;

    /// <summary>The first txid of warm-up round <paramref name="round"/> (from 0) of <paramref name="perRound"/> notifications.</summary>
    public static long WarmupRound(int round, int perRound) => Warmup + (long)round * perRound;
}
