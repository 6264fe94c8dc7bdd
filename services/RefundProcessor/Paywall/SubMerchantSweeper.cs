using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>The sweep of sub-merchant registrations (<see cref="AttemptSweeper{TRunner}"/>): accepted ones never started, and expired member calls.</summary>
public sealed class SubMerchantSweeper(
    SubMerchantStore store,
    IServiceScopeFactory scopes,
    IOptions<SubMerchantOptions> options,
    TimeProvider clock,
    ILogger<SubMerchantSweeper> logger) : AttemptSweeper<SubMerchantRegistrar>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task<IReadOnlyList<(string Key, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken) =>
        await store.SweepableAsync(limit, acceptedFor, cancellationToken);
}
