namespace Payguru.RefundProcessor.Hosting;

/// <summary>
/// A background job that runs <see cref="RunOnceAsync"/> every <see cref="Interval"/> until the host
/// stops. A failed run is logged and tried again at the next interval. After each pass, once the next
/// one is scheduled, it writes the Debug line of <see cref="JobPassLog"/>, which tests wait for
/// instead of sleeping (docs/testing.md).
/// </summary>
public abstract class PeriodicService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass of the job.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (long pass = 1; !stoppingToken.IsCancellationRequested; pass++)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
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
            var next = Task.Delay(Interval, clock, stoppingToken);
            logger.PassDone(GetType().Name, pass, Interval);
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
