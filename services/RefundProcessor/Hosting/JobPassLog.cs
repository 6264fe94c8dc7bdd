namespace Payguru.RefundProcessor.Hosting;

/// <summary>"RefundReconciler pass 12 done; next in 00:05:00": tests wait for these rather than sleeping (docs/testing.md).</summary>
static partial class JobPassLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job} pass {Pass} done; next in {Interval}")]
    public static partial void PassDone(this ILogger logger, string job, long pass, TimeSpan interval);
}
