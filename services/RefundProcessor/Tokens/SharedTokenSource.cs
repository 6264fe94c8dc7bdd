using Microsoft.Extensions.Options;
using Payguru.Provider.Client;
using Payguru.Provider.Configuration;
using Payguru.RefundProcessor.Telemetry;

namespace Payguru.RefundProcessor.Tokens;

/// <summary>
/// The Payguru token shared by every consumer and instance (invariant 7, docs/architecture.md), kept in the database
/// and cached here. A refresh runs under a lock here and a lease in the database, and only while the stored token is
/// still the one Payguru refused: a storm of <c>ERR_016</c> causes one <c>getToken</c>.
/// </summary>
public sealed class SharedTokenSource(
    TokenStore store,
    PayguruTokenIssuer issuer,
    ProcessorInstance instance,
    IOptions<PayguruOptions> options,
    TimeProvider clock,
    ProcessorMetrics metrics,
    ILogger<SharedTokenSource> logger) : IPayguruTokenSource
{
    static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(50);

    readonly SemaphoreSlim _refreshing = new(1, 1);
    volatile string? _cached;

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken) =>
        _cached ?? await ReplaceAsync(null, cancellationToken);

    public ValueTask<string> RefreshAsync(string rejectedToken, CancellationToken cancellationToken) =>
        ReplaceAsync(rejectedToken, cancellationToken);

    async ValueTask<string> ReplaceAsync(string? staleToken, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // Someone in this process refreshed while this caller waited.
            if (_cached is { } cached && cached != staleToken)
            {
                return cached;
            }

            var merchantId = options.Value.MerchantId;
            // The lease outlives a getToken call with its retries (3 attempts and 5 s of waits at most);
            // past it another instance may refresh.
            var leaseFor = options.Value.RequestTimeout * 4 + TimeSpan.FromSeconds(10);
            var deadline = clock.GetUtcNow() + leaseFor * 2;
            while (true)
            {
                // Another instance refreshed: take its token.
                var stored = await store.ReadAsync(merchantId, cancellationToken);
                if (stored.Token is not null && stored.Token != staleToken)
                {
                    _cached = stored.Token;
                    return stored.Token;
                }

                if (await store.TryLeaseRefreshAsync(merchantId, stored.Token, instance.Id, leaseFor, cancellationToken))
                {
                    return await IssueAsync(merchantId, cancellationToken);
                }

                if (clock.GetUtcNow() > deadline)
                {
                    throw new TimeoutException("No Payguru token: another instance holds the refresh lease and stored no new token in time.");
                }

                await Task.Delay(WaitStep, clock, cancellationToken);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    async Task<string> IssueAsync(string merchantId, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await issuer.IssueAsync(cancellationToken);
            metrics.TokenRefreshed(issued: true);
        }
        catch
        {
            metrics.TokenRefreshed(issued: false);
            await store.ReleaseLeaseAsync(merchantId, instance.Id, CancellationToken.None);
            throw;
        }

        var stored = await store.StoreAsync(merchantId, token, instance.Id, cancellationToken);
        if (stored.Token != token && stored.Token is not null)
        {
            // The lease ran out and another instance stored its token meanwhile: the stored one is the shared one.
            _cached = stored.Token;
            return stored.Token;
        }

        _cached = token;
        logger.LogInformation("Got a new Payguru token (generation {Generation})", stored.Generation);
        return token;
    }
}
