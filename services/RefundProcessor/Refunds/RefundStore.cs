using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Attempts;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>The refund requests and Payguru's results for them (tables <c>refunds</c>, <c>refund_orders</c>, <c>refund_results</c>).</summary>
public sealed class RefundStore(RefundQueries queries, IDbConnectionFactory connections, TimeProvider clock)
    : AttemptStore<RefundRecord, Guid, RefundQueries>(queries, connections, clock)
{
    public async Task<RefundRecord?> FindByRefundIdAsync(DbConnection connection, DbTransaction? transaction, long refundId) =>
        await connection.QuerySingleOrDefaultAsync<RefundRecord>(Queries.SelectByRefundId, new { RefundId = refundId }, transaction);

    /// <summary>Takes the order's lock row, so that refund decisions of one order are made one after the other, also across instances.</summary>
    public async Task LockOrderAsync(DbTransaction transaction, string order)
    {
        await transaction.Connection!.ExecuteAsync(Queries.EnsureOrderRow, new { Order = order }, transaction);
        await transaction.Connection!.ExecuteAsync(Queries.CountDecision, new { Order = order }, transaction);
    }

    public async Task<IReadOnlyList<string>> CommittedAmountsAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<string>(Queries.SelectCommittedAmounts, new { Order = order }, transaction)).ToList();

    /// <summary>Payguru's refund ids already recorded for the order (none of them may be adopted again).</summary>
    public async Task<IReadOnlySet<long>> KnownRefundIdsAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<long>(Queries.SelectKnownRefundIds, new { Order = order })).ToHashSet();
    }

    public async Task InsertAsync(DbTransaction transaction, RefundRecord record) =>
        await transaction.Connection!.ExecuteAsync(Queries.Insert, record, transaction);

    /// <summary>
    /// Starts the attempt in the decision's <paramref name="transaction"/>. False when another refund of its order is
    /// mid-attempt, so that a lookup by order can tell whose refund it sees.
    /// </summary>
    public async Task<bool> TryStartAttemptAsync(DbTransaction transaction, Guid requestId, string attemptId, DateTimeOffset expiresAt) =>
        await transaction.Connection!.ExecuteAsync(Queries.StartAttempt, Attempt(requestId, attemptId, expiresAt), transaction) == 1;

    /// <summary>Gives an attempt back before its create was sent: the refund is accepted again, for a new attempt.</summary>
    public async Task<bool> ReleaseAttemptAsync(Guid requestId, string attemptId, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(Queries.ReleaseAttempt, Attempt(requestId, attemptId)) == 1;
    }

    public Task<bool> CompleteSubmittedAsync(DbTransaction transaction, Guid requestId, string attemptId, long refundId) =>
        CompleteAsync(transaction, Queries.CompleteSubmitted, requestId, attemptId, new { RefundId = refundId });

    public Task<bool> CompleteRejectedAsync(DbTransaction transaction, Guid requestId, string attemptId, string reason, string message, string? providerCode) =>
        CompleteAsync(transaction, Queries.CompleteRejected, requestId, attemptId, new { Reason = reason, Message = message, ProviderCode = providerCode });

    public async Task<Guid?> NextAcceptedOfOrderAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<Guid?>(Queries.SelectNextAcceptedOfOrder, new { Order = order });
    }

    public async Task<IReadOnlyList<long>> DueForReconciliationAsync(TimeSpan after, int limit, CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        await using var connection = await Connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(Queries.SelectToReconcile, new
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
        await using var connection = await Connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(Queries.MarkReconciled, new { RefundId = refundId, Now = Clock.GetUtcNow() });
    }

    /// <returns>True when the status was higher than the recorded one (a status never moves backwards).</returns>
    public async Task<bool> TryRecordResultAsync(DbTransaction transaction, RefundResult result)
    {
        var parameters = new DynamicParameters(result);
        parameters.Add("ReportedAt", Clock.GetUtcNow());
        return await transaction.Connection!.ExecuteAsync(Queries.UpsertResultWhenHigher, parameters, transaction) == 1;
    }

    public async Task<(RefundRecord Refund, int? ProviderStatus)?> ViewAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await Connections.OpenAsync(cancellationToken);
        if (await FindAsync(connection, null, requestId) is not { } refund)
        {
            return null;
        }

        var status = refund.RefundId is { } refundId
            ? await connection.QuerySingleOrDefaultAsync<int?>(Queries.SelectResultStatus, new { RefundId = refundId })
            : null;
        return (refund, status);
    }
}
