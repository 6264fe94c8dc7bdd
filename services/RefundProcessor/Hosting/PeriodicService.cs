namespace Payguru.RefundProcessor.Hosting;

/// <summary>
/// A background job that runs <see cref="RunOnceAsync"/> every <see cref="Interval"/> until the host
/// stops, or at once again when a pass says more work waits. A failed run is logged and tried again at
/// the next interval. After each pass, once the next one is scheduled, it writes the Debug line of
/// <see cref="JobPassLog"/>, which tests wait for instead of sleeping (docs/testing.md).
/// </summary>
public abstract class PeriodicService(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock => clock;

    protected abstract TimeSpan Interval { get; }

    /// <returns>True when more work waits, so that the next pass starts at once.</returns>
    protected abstract Task<bool> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (long pass = 1; !stoppingToken.IsCancellationRequested; pass++)
        {
            var more = false;
            try
            {
                more = await RunOnceAsync(stoppingToken);
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
