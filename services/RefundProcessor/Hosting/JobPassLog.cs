namespace Payguru.RefundProcessor.Hosting;

/// <summary>
/// The line a background job writes at Debug when a pass has ended and the next one is scheduled:
/// "RefundReconciler pass 12 done; next in 00:05:00". Tests turn the job's category up to Debug and
/// wait for passes after the point they check, rather than sleeping (docs/testing.md).
/// </summary>
static partial class JobPassLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job} pass {Pass} done; next in {Interval}")]
    public static partial void PassDone(this ILogger logger, string job, long pass, TimeSpan interval);
}
