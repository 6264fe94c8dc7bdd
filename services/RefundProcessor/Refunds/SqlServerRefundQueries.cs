namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Upserts as insert-unless-present or MERGE under HOLDLOCK, paging with TOP, and an attempt start
/// that takes a concurrent start's unique-index refusal as "not started" (see <see cref="StartAttempt"/>).
/// </summary>
public sealed class SqlServerRefundQueries : RefundQueries
{
    public override string EnsureOrderRow => """
        INSERT INTO refund_orders (order_ref, decisions)
        SELECT @Order, 0
        WHERE NOT EXISTS (SELECT 1 FROM refund_orders WITH (UPDLOCK, HOLDLOCK) WHERE order_ref = @Order);
        """;

    // Two starts on one order run side by side here, and the check may miss the other's uncommitted
    // row. The filtered unique index ux_refunds_creating_order then holds the second start's update
    // until the first commits, and refuses it (error 2601). That error is caught as what it means,
    // "another refund of the order is creating": no row affected, as on SQLite. It is rethrown if it
    // doomed the transaction (XACT_ABORT ON). Lock hints on the check instead would depend on the
    // plan: read through ix_refunds_order_ref, two starts deadlock.
    public override string StartAttempt => """
        BEGIN TRY
            UPDATE refunds SET state = 'creating', attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt,
                               attempts = attempts + 1, updated_at = @Now
            WHERE request_id = @Key AND state = 'accepted'
              AND NOT EXISTS (SELECT 1 FROM refunds other WHERE other.order_ref = refunds.order_ref AND other.state = 'creating');
        END TRY
        BEGIN CATCH
            IF ERROR_NUMBER() <> 2601 OR XACT_STATE() = -1 THROW;
        END CATCH;
        """;

    // A status never moves backwards: the matched row changes only for a higher status, so the
    // statement affects one row exactly when it inserted or raised the result.
    public override string UpsertResultWhenHigher => """
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

    public override string SelectSweepable => """
        SELECT TOP (@Limit) request_id, state FROM refunds
        WHERE (state = 'accepted' AND requested_at <= @AcceptedBefore) OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at;
        """;

    public override string SelectToReconcile => """
        SELECT TOP (@Limit) r.refund_id FROM refunds r
        LEFT JOIN refund_results res ON res.refund_id = r.refund_id
        WHERE r.state = 'submitted' AND (res.status IS NULL OR res.status <> @Paid)
          AND r.updated_at < @SubmittedBefore AND (r.reconciled_at IS NULL OR r.reconciled_at < @AskedBefore)
        ORDER BY r.updated_at;
        """;
}
