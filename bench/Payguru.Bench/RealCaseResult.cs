using Payguru.Bench.Common;

namespace Payguru.Bench;

/// <summary>
/// One real-case run: the gateway's measured load (with the CPU of every process, the consumer's included), the
/// queue's depth as it ended, and how many measured notifications the consumer had and how long after the load's
/// start it had the last of them; before it, the warm-up.
/// </summary>
public sealed record RealCaseResult(
    SteadyWarmup.Outcome Warmup, int Warmups, MeasuredLoad GatewayLoad, BrokerQueue.Info? DepthAtEnd, long Consumed, TimeSpan EndToEnd)
{
    /// <summary>OK answered → consumed: the measured notifications the consumer had, over the time from the load's start to the last.</summary>
    public double EndToEndPerSecond => EndToEnd > TimeSpan.Zero ? Consumed / EndToEnd.TotalSeconds : 0;
}
