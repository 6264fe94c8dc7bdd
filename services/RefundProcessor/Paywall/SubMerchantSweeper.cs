using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sweep of sub-merchant registrations (<see cref="AttemptSweeper{TRunner, TKey}"/>): accepted ones never started, and expired member calls.</summary>
public sealed class SubMerchantSweeper(
    SubMerchantStore store,
    IServiceScopeFactory scopes,
    IOptions<SubMerchantOptions> options,
    TimeProvider clock,
    ILogger<SubMerchantSweeper> logger) : AttemptSweeper<SubMerchantRegistrar, string>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override Task<IReadOnlyList<(string Key, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken) =>
        store.SweepableAsync(limit, acceptedFor, cancellationToken);
}
