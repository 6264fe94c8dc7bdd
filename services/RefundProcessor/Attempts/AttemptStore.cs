using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// A table whose rows go <c>accepted</c> → <c>creating</c> (owned by one attempt until it expires) → a final state,
/// so that one provider call at a time runs per row across instances: refunds and sub-merchants. A completion runs
/// in its caller's transaction (<see cref="AttemptCompletion"/>) and only while its attempt still owns the row.
/// </summary>
public abstract class AttemptStore<TRecord, TKey, TQueries>(TQueries queries, IDbConnectionFactory connections, TimeProvider clock)
    where TRecord : class
    where TQueries : AttemptQueries
{
    protected TQueries Queries => queries;

    protected IDbConnectionFactory Connections => connections;

    protected TimeProvider Clock => clock;

    public async Task<TRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, TKey key) =>
        await connection.QuerySingleOrDefaultAsync<TRecord>(queries.SelectByKey, new { Key = key }, transaction);

    public async Task<TRecord?> FindAsync(TKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, key);
    }

    /// <returns>The row as the attempt started it, or null when it was not accepted (or not free to start).</returns>
    public Task<TRecord?> TryStartAttemptAsync(TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ClaimAsync(queries.StartAttempt, key, attemptId, expiresAt, cancellationToken);

    /// <summary>Takes over an attempt that expired (its instance crashed, or its outcome stayed unknown).</summary>
    public Task<TRecord?> TryTakeOverAttemptAsync(TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        ClaimAsync(queries.TakeOverAttempt, key, attemptId, expiresAt, cancellationToken);

    /// <summary>Leaves the attempt's unknown outcome to the sweep after <paramref name="expiresAt"/>; false when the attempt no longer owns the row.</summary>
    public async Task<bool> PostponeAttemptAsync(TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(queries.PostponeAttempt, Attempt(key, attemptId, expiresAt)) == 1;
    }

    public async Task<IReadOnlyList<(TKey Key, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(TKey Key, string State)>(queries.SelectSweepable, new { Now = now, AcceptedBefore = now - acceptedFor, Limit = limit })).ToList();
    }

    /// <returns>False when the attempt no longer owns the row.</returns>
    protected async Task<bool> CompleteAsync(DbTransaction transaction, string sql, TKey key, string attemptId, object values)
    {
        var parameters = new DynamicParameters(values);
        parameters.AddDynamicParams(Attempt(key, attemptId));
        return await transaction.Connection!.ExecuteAsync(sql, parameters, transaction) == 1;
    }

    protected object Attempt(TKey key, string attemptId, DateTimeOffset? expiresAt = null) =>
        new { Key = key, AttemptId = attemptId, ExpiresAt = expiresAt, Now = clock.GetUtcNow() };

    async Task<TRecord?> ClaimAsync(string sql, TKey key, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(sql, Attempt(key, attemptId, expiresAt), transaction);
        var record = rows == 1 ? await FindAsync(connection, transaction, key) : null;
        await transaction.CommitAsync(cancellationToken);
        return record;
    }
}
