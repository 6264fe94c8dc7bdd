using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// The refund requests and Payguru's results for them. Statements take the caller's transaction
/// where they belong to a larger state change; the attempt statements open their own (<see cref="AttemptRows{TRecord, TKey}"/>).
/// </summary>
public sealed class RefundStore(RefundQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    readonly AttemptRows<RefundRecord, Guid> _attempts = new(connections, clock, queries.SelectByKey);

    public Task<RefundRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid requestId) =>
        _attempts.FindAsync(connection, transaction, requestId);

    public async Task<RefundRecord?> FindAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, requestId);
    }

    public async Task<RefundRecord?> FindByRefundIdAsync(DbConnection connection, DbTransaction? transaction, long refundId) =>
        await connection.QuerySingleOrDefaultAsync<RefundRecord>(queries.SelectByRefundId, new { RefundId = refundId }, transaction);

    /// <summary>
    /// Takes the order's lock row inside <paramref name="transaction"/>, so that refund decisions of
    /// one order are made one after the other, also across instances.
    /// </summary>
    public async Task LockOrderAsync(DbTransaction transaction, string order)
    {
        await transaction.Connection!.ExecuteAsync(queries.EnsureOrderRow, new { Order = order }, transaction);
        await transaction.Connection!.ExecuteAsync(queries.CountDecision, new { Order = order }, transaction);
    }

    /// <summary>The amounts of the order's refunds that count against its payment: all but the rejected.</summary>
    public async Task<IReadOnlyList<string>> CommittedAmountsAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<string>(queries.SelectCommittedAmounts, new { Order = order }, transaction)).ToList();

    /// <summary>Payguru's refund ids already recorded for the order (none of them may be adopted again).</summary>
    public async Task<IReadOnlySet<long>> KnownRefundIdsAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(queries.SelectKnownRefundIds, new { Order = order })).ToHashSet();
    }

    public async Task InsertAsync(DbTransaction transaction, RefundRecord record) =>
        await transaction.Connection!.ExecuteAsync(queries.Insert, record, transaction);

    /// <summary>
    /// Starts an attempt on an accepted refund: it becomes <c>creating</c>, owned by
    /// <paramref name="attemptId"/> until <paramref name="expiresAt"/>. Refused while another refund
    /// of the same order is mid-attempt, so that a lookup by order can tell whose refund it sees.
    /// </summary>
    public Task<RefundRecord?> TryStartAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.ClaimAsync(queries.StartAttempt, requestId, attemptId, expiresAt, cancellationToken);

    /// <summary>
    /// Starts the attempt of a refund accepted in <paramref name="transaction"/> (the decision's), as
    /// <see cref="TryStartAttemptAsync"/> does in a transaction of its own; false when another refund of its order is mid-attempt.
    /// </summary>
    public Task<bool> TryStartAttemptAsync(DbTransaction transaction, Guid requestId, string attemptId, DateTimeOffset expiresAt) =>
        _attempts.ClaimInAsync(transaction, queries.StartAttempt, requestId, attemptId, expiresAt);

    /// <summary>Gives an attempt back before its create was sent: the refund is accepted again, for a new attempt.</summary>
    public Task<bool> ReleaseAttemptAsync(Guid requestId, string attemptId, CancellationToken cancellationToken) =>
        _attempts.ReleaseAsync(queries.ReleaseAttempt, requestId, attemptId, cancellationToken);

    /// <summary>Takes over an attempt that expired (its instance crashed, or its outcome stayed unknown).</summary>
    public Task<RefundRecord?> TryTakeOverAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.ClaimAsync(queries.TakeOverAttempt, requestId, attemptId, expiresAt, cancellationToken);

    /// <summary>Keeps the attempt's outcome open until <paramref name="expiresAt"/>, when it is looked up again.</summary>
    public Task<bool> PostponeAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        _attempts.PostponeAsync(queries.PostponeAttempt, requestId, attemptId, expiresAt, cancellationToken);

    /// <summary>Records the refund Payguru created, if <paramref name="attemptId"/> still owns the request.</summary>
    public async Task<bool> CompleteSubmittedAsync(DbTransaction transaction, Guid requestId, string attemptId, long refundId) =>
        await transaction.Connection!.ExecuteAsync(queries.CompleteSubmitted,
            new { Key = requestId, AttemptId = attemptId, RefundId = refundId, Now = clock.GetUtcNow() }, transaction) == 1;

    /// <summary>Records Payguru's refusal, if <paramref name="attemptId"/> still owns the request.</summary>
    public async Task<bool> CompleteRejectedAsync(DbTransaction transaction, Guid requestId, string attemptId, string reason, string message, string? providerCode) =>
        await transaction.Connection!.ExecuteAsync(queries.CompleteRejected, new
        {
            Key = requestId,
            AttemptId = attemptId,
            Reason = reason,
            Message = message,
            ProviderCode = providerCode,
            Now = clock.GetUtcNow(),
        }, transaction) == 1;

    /// <summary>The order's next accepted refund, oldest first, to start once the current attempt ended.</summary>
    public async Task<Guid?> NextAcceptedOfOrderAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(queries.SelectNextAcceptedOfOrder, new { Order = order });
    }

    /// <summary>Refunds the sweep should move on: accepted ones, at least <paramref name="acceptedFor"/> old, and attempts that expired.</summary>
    public Task<IReadOnlyList<(Guid RequestId, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken) =>
        _attempts.SweepableAsync(queries.SelectSweepable, limit, acceptedFor, cancellationToken);

    /// <summary>Submitted refunds whose final result is due and not asked for recently; see <see cref="RefundQueries.SelectToReconcile"/>.</summary>
    public async Task<IReadOnlyList<long>> DueForReconciliationAsync(TimeSpan after, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(queries.SelectToReconcile, new
        {
            Paid = Contracts.Refunds.RefundStatuses.Paid,
            SubmittedBefore = now - after,
            AskedBefore = now - after,
            Limit = limit,
        });
        return ids.ToList();
    }

    public async Task MarkReconciledAsync(long refundId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(queries.MarkReconciled, new { RefundId = refundId, Now = clock.GetUtcNow() });
    }

    /// <summary>Records Payguru's status of a refund unless an equal or higher one is recorded; true when it changed.</summary>
    public async Task<bool> TryRecordResultAsync(DbTransaction transaction, RefundResult result)
    {
        var rows = await transaction.Connection!.ExecuteAsync(queries.UpsertResultWhenHigher, new
        {
            result.RefundId,
            result.Status,
            result.Order,
            result.Amount,
            result.BankName,
            result.BankCode,
            result.BankId,
            result.BankReceiptNo,
            result.RefundTime,
            result.CreateTime,
            ReportedAt = clock.GetUtcNow(),
        }, transaction);
        return rows == 1;
    }

    /// <summary>The request and Payguru's latest status of its refund (null until one is reported).</summary>
    public async Task<(RefundRecord Refund, int? ProviderStatus)?> ViewAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (await FindAsync(connection, null, requestId) is not { } refund)
        {
            return null;
        }

        var status = refund.RefundId is { } refundId
            ? await connection.QuerySingleOrDefaultAsync<int?>(queries.SelectResultStatus, new { RefundId = refundId })
            : null;
        return (refund, status);
    }
}
