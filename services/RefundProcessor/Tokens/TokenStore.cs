using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tokens;

/// <summary>
/// The one Payguru token of the merchant (table <c>payguru_tokens</c>) and the lease that lets one
/// instance at a time refresh it.
/// </summary>
public sealed class TokenStore(TokenQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    public async Task<StoredToken> ReadAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Token, long Generation)>(queries.Select, new { MerchantId = merchantId });
        return new StoredToken(row.Token, row.Generation);
    }

    /// <summary>
    /// Takes the refresh lease when the stored token is still <paramref name="staleToken"/> (null: no
    /// token yet) and no other refresh holds an unexpired lease. False when another instance is
    /// refreshing or has already refreshed.
    /// </summary>
    public async Task<bool> TryLeaseRefreshAsync(string merchantId, string? staleToken, string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(queries.EnsureRow, new { MerchantId = merchantId }, transaction);
        var rows = await connection.ExecuteAsync(
            queries.LeaseRefresh, new { MerchantId = merchantId, Owner = owner, ExpiresAt = now + leaseFor, Now = now, Stale = staleToken }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return rows == 1;
    }

    /// <summary>
    /// Stores the new token and ends the lease of <paramref name="owner"/>; returns the token stored
    /// afterwards, which is another instance's when the lease was lost before.
    /// </summary>
    public async Task<StoredToken> StoreAsync(string merchantId, string token, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            queries.Store, new { MerchantId = merchantId, Token = token, Owner = owner, Now = clock.GetUtcNow(), Released = DateTimeOffset.UnixEpoch }, transaction);
        var stored = await connection.QuerySingleAsync<(string? Token, long Generation)>(queries.Select, new { MerchantId = merchantId }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return new StoredToken(stored.Token, stored.Generation);
    }

    /// <summary>Gives the lease up after a failed refresh, so another attempt need not wait for it to expire.</summary>
    public async Task ReleaseLeaseAsync(string merchantId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(queries.ReleaseLease, new { MerchantId = merchantId, Owner = owner, Released = DateTimeOffset.UnixEpoch });
    }
}
