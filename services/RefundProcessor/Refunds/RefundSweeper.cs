using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>The sweep of refunds (<see cref="AttemptSweeper{TRunner, TKey}"/>): accepted ones never started, and expired create attempts.</summary>
public sealed class RefundSweeper(
    RefundStore store,
    IServiceScopeFactory scopes,
    IOptions<RefundOptions> options,
    TimeProvider clock,
    ILogger<RefundSweeper> logger) : AttemptSweeper<RefundSubmitter, Guid>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task<IReadOnlyList<(Guid Key, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken) =>
        store.SweepableAsync(limit, acceptedFor, cancellationToken);
}
