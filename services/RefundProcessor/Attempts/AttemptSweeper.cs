using Payguru.RefundProcessor.Hosting;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// Moves on rows that nothing else will: accepted ones whose call never started within a sweep
/// interval (a crash right after the decision, a busy order) and attempts that expired (a crash
/// mid-call, an unknown outcome due for its recheck). Every instance may run it: the runner's
/// attempt statements claim rows atomically, so the state read here may be stale.
/// </summary>
public abstract class AttemptSweeper<TRunner, TKey>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : PeriodicService(clock, logger)
    where TRunner : IAttemptRunner<TKey>
{
    const int BatchSize = 100;

    const string Accepted = "accepted";

    /// <summary>Up to <paramref name="limit"/> rows (key, state) accepted at least <paramref name="acceptedFor"/> ago or with an expired attempt.</summary>
    protected abstract Task<IReadOnlyList<(TKey Key, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A scope per pass: the runner's HTTP client comes from the client factory, which renews handlers.
        await using var scope = scopes.CreateAsyncScope();
        var runner = scope.ServiceProvider.GetRequiredService<TRunner>();
        // A row accepted less than a sweep ago is left to the call after its commit, which runs in its trace.
        foreach (var (key, state) in await SweepableAsync(BatchSize, Interval, cancellationToken))
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
