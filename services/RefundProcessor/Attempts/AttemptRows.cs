using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// The attempt machinery of a table whose rows go <c>accepted</c> → <c>creating</c> (owned by one
/// attempt until it expires) → a final state, so that one provider call at a time runs per row,
/// across instances: refunds (<c>refund/create</c>) and sub-merchants (Paywall's member call).
/// The statements are the table's; each takes the row's key as @Key, the attempt as @AttemptId,
/// its expiry as @ExpiresAt and the time as @Now; <c>selectByKey</c> reads a row by @Key.
/// </summary>
public sealed class AttemptRows<TRecord, TKey>(IDbConnectionFactory connections, TimeProvider clock, string selectByKey)
    where TRecord : class
{
    public async Task<TRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, TKey key) =>
        await connection.QuerySingleOrDefaultAsync<TRecord>(selectByKey, new { Key = key }, transaction);

    /// <summary>Runs a start or take-over statement in its own transaction; the row as it is then, or null when the statement changed none.</summary>
    public async Task<TRecord?> ClaimAsync(string sql, TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(
            sql, new { Key = key, AttemptId = attemptId, ExpiresAt = expiresAt, Now = clock.GetUtcNow() }, transaction);
        var record = rows == 1 ? await FindAsync(connection, transaction, key) : null;
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    /// <summary>
    /// Runs a start statement in the caller's transaction (the decision's, so that deciding and
    /// starting the attempt are one write); true when it started the attempt.
    /// </summary>
    public async Task<bool> ClaimInAsync(DbTransaction transaction, string sql, TKey key, string attemptId, DateTimeOffset expiresAt) =>
        await transaction.Connection!.ExecuteAsync(
            sql, new { Key = key, AttemptId = attemptId, ExpiresAt = expiresAt, Now = clock.GetUtcNow() }, transaction) == 1;

    /// <summary>Ends <paramref name="attemptId"/>'s attempt before its call was sent, leaving the row to a new one; false when it no longer owns the row.</summary>
    public async Task<bool> ReleaseAsync(string sql, TKey key, string attemptId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { Key = key, AttemptId = attemptId, Now = clock.GetUtcNow() }) == 1;
    }

    /// <summary>Moves the expiry of <paramref name="attemptId"/>'s attempt; false when it no longer owns the row.</summary>
    public async Task<bool> PostponeAsync(string sql, TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(sql, new { Key = key, AttemptId = attemptId, ExpiresAt = expiresAt, Now = clock.GetUtcNow() }) == 1;
    }

    /// <summary>Rows (key, state) the sweep moves on: accepted at least <paramref name="acceptedFor"/> ago, and expired attempts.</summary>
    public async Task<IReadOnlyList<(TKey Key, string State)>> SweepableAsync(string sql, int limit, TimeSpan acceptedFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(TKey Key, string State)>(sql, new { Now = now, AcceptedBefore = now - acceptedFor, Limit = limit })).ToList();
    }
}
