using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Hosting;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>
/// Moves on registrations that nothing else will: accepted ones whose member call never started (a
/// crash right after the decision) and attempts that expired (a crash mid-call, an unknown outcome
/// due for its next call). Every instance may run it: attempts are claimed atomically.
/// </summary>
public sealed class SubMerchantSweeper(
    SubMerchantStore store,
    IServiceScopeFactory scopes,
    IOptions<SubMerchantOptions> options,
    TimeProvider clock,
    ILogger<SubMerchantSweeper> logger) : PeriodicService(clock, logger)
{
    const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // A scope per pass: the registrar's HTTP client comes from the client factory, which renews handlers.
        await using var scope = scopes.CreateAsyncScope();
        var registrar = scope.ServiceProvider.GetRequiredService<SubMerchantRegistrar>();
        // A registration accepted less than a sweep ago is left to the member call after its commit.
        foreach (var (memberExternalId, state) in await store.SweepableAsync(BatchSize, Interval, cancellationToken))
        {
            if (state == SubMerchantRecordStates.Accepted)
            {
                await registrar.RegisterAsync(memberExternalId, cancellationToken);
            }
            else
            {
                await registrar.ResumeAsync(memberExternalId, cancellationToken);
            }
        }
    }
}
