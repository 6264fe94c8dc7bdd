using Payguru.RefundProcessor.Hosting;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// Moves on rows that nothing else will: accepted ones whose call never started within a sweep interval (a crash
/// right after the decision, a busy order) and expired attempts (a crash mid-call, an unknown outcome due for its
/// recheck). Every instance may run it: the attempt statements claim rows atomically, so the state read may be stale.
/// </summary>
public abstract class AttemptSweeper<TRunner, TKey>(
    Func<int, TimeSpan, CancellationToken, Task<IReadOnlyList<(TKey Key, string State)>>> sweepable,
    IServiceScopeFactory scopes,
    Func<TimeSpan> interval,
    TimeProvider clock,
    ILogger logger) : PeriodicService(interval, clock, logger)
    where TRunner : IAttemptRunner<TKey>
{
    const int BatchSize = 100;

    const string Accepted = "accepted";

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A scope per pass: the runner's HTTP client comes from the client factory, which renews handlers.
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<TRunner>();
        // A row accepted less than a sweep ago is left to the call after its commit, which runs in its trace.
        foreach (var (key, state) in await sweepable(BatchSize, Interval, cancellationToken))
        {
            if (state == Accepted)
            {
                await runner.StartAsync(key, cancellationToken);
            }
            else
            {
                await runner.ResumeAsync(key, cancellationToken);
            }
        }
    }
}
