using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Moves on refunds that nothing else will: accepted ones whose create never started within a
/// sweep interval (a crash right after the decision, an order that was busy) and attempts that expired (a crash mid-call,
/// an unknown outcome due for its recheck). Every instance may run it: attempts are claimed atomically.
/// </summary>
public sealed class RefundSweeper(
    RefundStore store,
    IServiceScopeFactory scopes,
    IOptions<RefundOptions> options,
    TimeProvider clock,
    ILogger<RefundSweeper> logger) : PeriodicService(clock, logger)
{
    const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A scope per pass: the submitter's HTTP client comes from the client factory, which renews handlers.
        await using var scope = scopes.CreateAsyncScope();
        var submitter = scope.ServiceProvider.GetRequiredService<RefundSubmitter>();
        // The state read here may be stale by now: the submitter's atomic claims decide. A refund
        // accepted less than a sweep ago is left to the submit after its commit, which runs in its trace.
        foreach (var (requestId, state) in await store.SweepableAsync(BatchSize, Interval, cancellationToken))
        {
            if (state == RefundRecordStates.Accepted)
            {
                await submitter.SubmitAsync(requestId, cancellationToken);
            }
            else
            {
                await submitter.ResumeAsync(requestId, cancellationToken);
            }
        }
    }
}
