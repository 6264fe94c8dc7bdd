using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tokens;

/// <summary>The merchant's one Payguru token (table <c>payguru_tokens</c>) and the lease that lets one instance at a time refresh it.</summary>
public sealed class TokenStore(TokenQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    public async Task<StoredToken> ReadAsync(string merchantId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? Token, long Generation)>(queries.Select, new { MerchantId = merchantId });
        return new StoredToken(row.Token, row.Generation);
    }

    /// <summary>Takes the refresh lease while the stored token is still <paramref name="staleToken"/> (null: none yet) and no unexpired lease is held.</summary>
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

    /// <returns>The token stored afterwards: another instance's when <paramref name="owner"/> had lost the lease.</returns>
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

    // After a failed refresh, so that another need not wait for the lease to expire.
    public async Task ReleaseLeaseAsync(string merchantId, string owner, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(queries.ReleaseLease, new { MerchantId = merchantId, Owner = owner, Released = DateTimeOffset.UnixEpoch });
    }
}
