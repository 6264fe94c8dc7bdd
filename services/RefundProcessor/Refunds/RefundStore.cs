using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// The refund requests and Payguru's results for them. Statements take the caller's transaction
/// where they belong to a larger state change; the attempt statements open their own.
/// </summary>
public sealed class RefundStore(IRefundQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    const string Columns = """
        request_id AS RequestId, order_ref AS "Order", payguru_code AS PayguruCode, service_code AS ServiceCode,
        amount AS Amount, contact_name AS ContactName, iban AS Iban, reason AS Reason, state AS State,
        refund_id AS RefundId, rejection_reason AS RejectionReason, rejection_message AS RejectionMessage,
        provider_code AS ProviderCode, attempt_owner AS AttemptOwner, attempt_expires_at AS AttemptExpiresAt,
        attempts AS Attempts, requested_at AS RequestedAt, updated_at AS UpdatedAt
        """;

    public async Task<RefundRecord?> FindAsync(DbConnection connection, DbTransaction? transaction, Guid requestId) =>
        (await connection.QuerySingleOrDefaultAsync<RefundRow>(
            $"SELECT {Columns} FROM refunds WHERE request_id = @RequestId;", new { RequestId = Key(requestId) }, transaction))?.ToRecord();

    public async Task<RefundRecord?> FindAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, requestId);
    }

    public async Task<RefundRecord?> FindByRefundIdAsync(DbConnection connection, DbTransaction? transaction, long refundId) =>
        (await connection.QuerySingleOrDefaultAsync<RefundRow>(
            $"SELECT {Columns} FROM refunds WHERE refund_id = @RefundId;", new { RefundId = refundId }, transaction))?.ToRecord();

    /// <summary>
    /// Takes the order's lock row inside <paramref name="transaction"/>, so that refund decisions of
    /// one order are made one after the other, also across instances.
    /// </summary>
    public async Task LockOrderAsync(DbTransaction transaction, string order)
    {
        await transaction.Connection!.ExecuteAsync(queries.EnsureOrderRow, new { Order = order }, transaction);
        await transaction.Connection!.ExecuteAsync(
            "UPDATE refund_orders SET decisions = decisions + 1 WHERE order_ref = @Order;", new { Order = order }, transaction);
    }

    /// <summary>The amounts of the order's refunds that count against its payment: all but the rejected.</summary>
    public async Task<IReadOnlyList<string>> CommittedAmountsAsync(DbTransaction transaction, string order) =>
        (await transaction.Connection!.QueryAsync<string>(
            "SELECT amount FROM refunds WHERE order_ref = @Order AND state <> 'rejected';", new { Order = order }, transaction)).ToList();

    /// <summary>Payguru's refund ids already recorded for the order (none of them may be adopted again).</summary>
    public async Task<IReadOnlySet<long>> KnownRefundIdsAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(
            "SELECT refund_id FROM refunds WHERE order_ref = @Order AND refund_id IS NOT NULL;", new { Order = order });
        return ids.ToHashSet();
    }

    public async Task InsertAsync(DbTransaction transaction, RefundRecord record) =>
        await transaction.Connection!.ExecuteAsync("""
            INSERT INTO refunds (request_id, order_ref, payguru_code, service_code, amount, contact_name, iban, reason, state,
                                 rejection_reason, rejection_message, provider_code, attempts, requested_at, updated_at)
            VALUES (@RequestId, @Order, @PayguruCode, @ServiceCode, @Amount, @ContactName, @Iban, @Reason, @State,
                    @RejectionReason, @RejectionMessage, @ProviderCode, 0, @RequestedAt, @UpdatedAt);
            """, new
        {
            RequestId = Key(record.RequestId),
            record.Order,
            record.PayguruCode,
            record.ServiceCode,
            record.Amount,
            record.ContactName,
            record.Iban,
            record.Reason,
            record.State,
            record.RejectionReason,
            record.RejectionMessage,
            record.ProviderCode,
            RequestedAt = record.RequestedAt.ToString("O"),
            UpdatedAt = record.UpdatedAt.ToString("O"),
        }, transaction);

    /// <summary>
    /// Starts an attempt on an accepted refund: it becomes <c>creating</c>, owned by
    /// <paramref name="attemptId"/> until <paramref name="expiresAt"/>. Refused while another refund
    /// of the same order is mid-attempt, so that a lookup by order can tell whose refund it sees.
    /// </summary>
    public async Task<RefundRecord?> TryStartAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await ChangeAttemptAsync(queries.StartAttempt, requestId, attemptId, expiresAt, cancellationToken);

    /// <summary>Takes over an attempt that expired (its instance crashed, or its outcome stayed unknown).</summary>
    public async Task<RefundRecord?> TryTakeOverAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken) =>
        await ChangeAttemptAsync("""
            UPDATE refunds SET attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt, updated_at = @Now
            WHERE request_id = @RequestId AND state = 'creating' AND attempt_expires_at < @NowMs;
            """, requestId, attemptId, expiresAt, cancellationToken);

    /// <summary>Keeps the attempt's outcome open until <paramref name="expiresAt"/>, when it is looked up again.</summary>
    public async Task<bool> PostponeAttemptAsync(Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(
            "UPDATE refunds SET attempt_expires_at = @ExpiresAt, updated_at = @Now WHERE request_id = @RequestId AND attempt_owner = @AttemptId AND state = 'creating';",
            new { RequestId = Key(requestId), AttemptId = attemptId, ExpiresAt = expiresAt.ToUnixTimeMilliseconds(), Now = clock.GetUtcNow().ToString("O") });
        return rows == 1;
    }

    /// <summary>Records the refund Payguru created, if <paramref name="attemptId"/> still owns the request.</summary>
    public async Task<bool> CompleteSubmittedAsync(DbTransaction transaction, Guid requestId, string attemptId, long refundId)
    {
        var rows = await transaction.Connection!.ExecuteAsync("""
            UPDATE refunds SET state = 'submitted', refund_id = @RefundId, attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
            WHERE request_id = @RequestId AND attempt_owner = @AttemptId AND state = 'creating';
            """, new { RequestId = Key(requestId), AttemptId = attemptId, RefundId = refundId, Now = clock.GetUtcNow().ToString("O") }, transaction);
        return rows == 1;
    }

    /// <summary>Records Payguru's refusal, if <paramref name="attemptId"/> still owns the request.</summary>
    public async Task<bool> CompleteRejectedAsync(DbTransaction transaction, Guid requestId, string attemptId, string reason, string message, string? providerCode)
    {
        var rows = await transaction.Connection!.ExecuteAsync("""
            UPDATE refunds SET state = 'rejected', rejection_reason = @Reason, rejection_message = @Message, provider_code = @ProviderCode,
                               attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
            WHERE request_id = @RequestId AND attempt_owner = @AttemptId AND state = 'creating';
            """, new { RequestId = Key(requestId), AttemptId = attemptId, Reason = reason, Message = message, ProviderCode = providerCode, Now = clock.GetUtcNow().ToString("O") }, transaction);
        return rows == 1;
    }

    /// <summary>The order's next accepted refund, oldest first, to start once the current attempt ended.</summary>
    public async Task<Guid?> NextAcceptedOfOrderAsync(string order, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.QueryFirstOrDefaultAsync<string>(
            "SELECT request_id FROM refunds WHERE order_ref = @Order AND state = 'accepted' ORDER BY requested_at;", new { Order = order });
        return id is null ? null : Guid.Parse(id);
    }

    /// <summary>Refunds the sweep should move on: accepted ones, at least <paramref name="acceptedFor"/> old, and attempts that expired.</summary>
    public async Task<IReadOnlyList<(Guid RequestId, string State)>> SweepableAsync(int limit, TimeSpan acceptedFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string RequestId, string State)>(
            queries.SelectSweepable, new { Now = now.ToUnixTimeMilliseconds(), AcceptedBefore = (now - acceptedFor).ToString("O"), Limit = limit });
        return rows.Select(row => (Guid.Parse(row.RequestId), row.State)).ToList();
    }

    /// <summary>Submitted refunds whose final result is due and not asked for recently; see <see cref="IRefundQueries.SelectToReconcile"/>.</summary>
    public async Task<IReadOnlyList<long>> DueForReconciliationAsync(TimeSpan after, int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(queries.SelectToReconcile, new
        {
            Paid = Contracts.Refunds.RefundStatuses.Paid,
            SubmittedBefore = (now - after).ToString("O"),
            AskedBefore = (now - after).ToUnixTimeMilliseconds(),
            Limit = limit,
        });
        return ids.ToList();
    }

    public async Task MarkReconciledAsync(long refundId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE refunds SET reconciled_at = @Now WHERE refund_id = @RefundId;",
            new { RefundId = refundId, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() });
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
            RefundTime = result.RefundTime?.ToString("O"),
            CreateTime = result.CreateTime?.ToString("O"),
            ReportedAt = clock.GetUtcNow().ToString("O"),
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
            ? await connection.QuerySingleOrDefaultAsync<int?>("SELECT status FROM refund_results WHERE refund_id = @RefundId;", new { RefundId = refundId })
            : null;
        return (refund, status);
    }

    async Task<RefundRecord?> ChangeAttemptAsync(string sql, Guid requestId, string attemptId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.ExecuteAsync(sql, new
        {
            RequestId = Key(requestId),
            AttemptId = attemptId,
            ExpiresAt = expiresAt.ToUnixTimeMilliseconds(),
            Now = now.ToString("O"),
            NowMs = now.ToUnixTimeMilliseconds(),
        }, transaction);
        var record = rows == 1 ? await FindAsync(connection, transaction, requestId) : null;
        await transaction.CommitAsync(cancellationToken);
        return record;
    }

    static string Key(Guid requestId) => requestId.ToString("D");
}
