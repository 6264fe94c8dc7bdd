namespace Payguru.RefundProcessor.Hosting;

/// <summary>
/// A background job that runs <see cref="RunOnceAsync"/> every <paramref name="interval"/>, or at once again while
/// <see cref="MoreWaiting"/>; a failed pass is logged and tried again at the next interval. After each pass it writes
/// the Debug line of <see cref="JobPassLog"/>, which tests wait for instead of sleeping (docs/testing.md).
/// </summary>
public abstract class PeriodicService(Func<TimeSpan> interval, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected TimeSpan Interval => interval();

    /// <summary>Read after a pass that did not fail: true starts the next pass at once.</summary>
    protected virtual bool MoreWaiting => false;

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (long pass = 1; !stoppingToken.IsCancellationRequested; pass++)
        {
            var more = false;
            try
            {
                await RunOnceAsync(stoppingToken);
                more = MoreWaiting;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Job} failed; trying again in {Interval}", GetType().Name, Interval);
            }

            // Scheduled before the line is written: a test that sees pass N and moves its clock by Interval gets pass N + 1.
            var next = more ? Task.CompletedTask : Task.Delay(Interval, clock, stoppingToken);
            logger.PassDone(GetType().Name, pass, more ? TimeSpan.Zero : Interval);
            try
            {
                await next;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
