namespace Payguru.RefundProcessor.Refunds;

public sealed class SqliteRefundQueries : RefundQueries
{
    public override string EnsureOrderRow => "INSERT INTO refund_orders (order_ref, decisions) VALUES (@Order, 0) ON CONFLICT (order_ref) DO NOTHING;";

    // SQLite has one writer at a time: the check and the update cannot interleave with another start.
    public override string StartAttempt => """
        UPDATE refunds SET state = 'creating', attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt,
                           attempts = attempts + 1, updated_at = @Now
        WHERE request_id = @Key AND state = 'accepted'
          AND NOT EXISTS (SELECT 1 FROM refunds other WHERE other.order_ref = refunds.order_ref AND other.state = 'creating');
        """;

    public override string UpsertResultWhenHigher => """
        INSERT INTO refund_results (refund_id, status, order_ref, amount, bank_name, bank_code, bank_id, bank_receipt_no, refund_time, create_time, reported_at)
        VALUES (@RefundId, @Status, @Order, @Amount, @BankName, @BankCode, @BankId, @BankReceiptNo, @RefundTime, @CreateTime, @ReportedAt)
        ON CONFLICT (refund_id) DO UPDATE SET
            status = excluded.status, amount = excluded.amount, bank_name = excluded.bank_name, bank_code = excluded.bank_code,
            bank_id = excluded.bank_id, bank_receipt_no = excluded.bank_receipt_no, refund_time = excluded.refund_time,
            create_time = COALESCE(excluded.create_time, refund_results.create_time), reported_at = excluded.reported_at
        WHERE excluded.status > refund_results.status;
        """;

    public override string SelectSweepable => """
        SELECT request_id, state FROM refunds
        WHERE (state = 'accepted' AND requested_at <= @AcceptedBefore) OR (state = 'creating' AND attempt_expires_at < @Now)
        ORDER BY requested_at
        LIMIT @Limit;
        """;

    public override string SelectToReconcile => """
        SELECT r.refund_id FROM refunds r
        LEFT JOIN refund_results res ON res.refund_id = r.refund_id
        WHERE r.state = 'submitted' AND (res.status IS NULL OR res.status <> @Paid)
          AND r.updated_at < @SubmittedBefore AND (r.reconciled_at IS NULL OR r.reconciled_at < @AskedBefore)
        ORDER BY r.updated_at
        LIMIT @Limit;
        """;
}
