namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Upserts as insert-unless-present or MERGE under HOLDLOCK, paging with TOP, and an attempt start
/// that reads the order's in-flight create under a range lock (see <see cref="StartAttempt"/>).
/// </summary>
public sealed class SqlServerRefundQueries : IRefundQueries
{
    public string EnsureOrderRow => """
        INSERT INTO refund_orders (order_ref, decisions)
        SELECT @Order, 0
        WHERE NOT EXISTS (SELECT 1 FROM refund_orders WITH (UPDLOCK, HOLDLOCK) WHERE order_ref = @Order);
        """;

    // Two starts on one order run side by side here. The check reads the order's in-flight create
    // under UPDLOCK, HOLDLOCK (a key-range lock on the order, taken in ux_refunds_creating_order,
    // which covers it), so the second start waits for the first to commit and then finds its row:
    // no row affected, as on SQLite, instead of a unique-index violation. No index hint: under
    // forced parameterization a hint on a filtered index would fail the statement.
    public string StartAttempt => """
        UPDATE refunds SET state = 'creating', attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt,
                           attempts = attempts + 1, updated_at = @Now
        WHERE request_id = @RequestId AND state = 'accepted'
          AND NOT EXISTS (
              SELECT 1 FROM refunds other WITH (UPDLOCK, HOLDLOCK)
              WHERE other.order_ref = refunds.order_ref AND other.state = 'creating');
        """;

    // A status never moves backwards: the matched row changes only for a higher status, so the
    // statement affects one row exactly when it inserted or raised the result.
    public string UpsertResultWhenHigher => """
        MERGE refund_results WITH (HOLDLOCK) AS target
        USING (VALUES (@RefundId, @Status, @Order, @Amount, @BankName, @BankCode, @BankId, @BankReceiptNo, @RefundTime, @CreateTime, @ReportedAt))
            AS source (refund_id, status, order_ref, amount, bank_name, bank_code, bank_id, bank_receipt_no, refund_time, create_time, reported_at)
        ON target.refund_id = source.refund_id
        WHEN MATCHED AND source.status > target.status THEN UPDATE SET
            status = source.status, amount = source.amount, bank_name = source.bank_name, bank_code = source.bank_code,
            bank_id = source.bank_id, bank_receipt_no = source.bank_receipt_no, refund_time = source.refund_time,
            create_time = COALESCE(source.create_time, target.create_time), reported_at = source.reported_at
        WHEN NOT MATCHED THEN
            INSERT (refund_id, status, order_ref, amount, bank_name, bank_code, bank_id, bank_receipt_no, refund_time, create_time, reported_at)
            VALUES (source.refund_id, source.status, source.order_ref, source.amount, source.bank_name, source.bank_code, source.bank_id,
                    source.bank_receipt_no, source.refund_time, source.create_time, source.reported_at);
        """;

    public string SelectSweepable => """
        SELECT TOP (@Limit) request_id, state FROM refunds
        WHERE state = 'accepted' OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at;
        """;

    public string SelectToReconcile => """
        SELECT TOP (@Limit) r.refund_id FROM refunds r
        LEFT JOIN refund_results res ON res.refund_id = r.refund_id
        WHERE r.state = 'submitted' AND (res.status IS NULL OR res.status <> @Paid)
          AND r.updated_at < @SubmittedBefore AND (r.reconciled_at IS NULL OR r.reconciled_at < @AskedBefore)
        ORDER BY r.updated_at;
        """;
}
