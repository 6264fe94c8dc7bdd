using Payguru.RefundProcessor.Attempts;

namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Every refund statement: shared ones here, the dialects' own in <see cref="SqliteRefundQueries"/> and
/// <see cref="SqlServerRefundQueries"/>. The attempt statements take the request id as @Key.
/// </summary>
public abstract class RefundQueries : AttemptQueries
{
    const string Columns = """
        request_id AS RequestId, order_ref AS "Order", payguru_code AS PayguruCode, service_code AS ServiceCode,
        amount AS Amount, contact_name AS ContactName, iban AS Iban, reason AS Reason, state AS State,
        refund_id AS RefundId, rejection_reason AS RejectionReason, rejection_message AS RejectionMessage,
        provider_code AS ProviderCode, attempt_owner AS AttemptOwner, attempt_expires_at AS AttemptExpiresAt,
        attempts AS Attempts, requested_at AS RequestedAt, updated_at AS UpdatedAt
        """;

    public abstract string EnsureOrderRow { get; }

    /// <summary>Not while another refund of its order is creating; a concurrent start on the order waits, then affects no row.</summary>
    public abstract override string StartAttempt { get; }

    /// <summary>Inserts or raises a refund's result, only to a higher status: affects one row when it changed something.</summary>
    public abstract string UpsertResultWhenHigher { get; }

    /// <summary>Up to @Limit submitted refunds not @Paid, submitted before @SubmittedBefore and not asked since @AskedBefore.</summary>
    public abstract string SelectToReconcile { get; }

    public override string SelectByKey => $"SELECT {Columns} FROM refunds WHERE request_id = @Key;";

    public string SelectByRefundId => $"SELECT {Columns} FROM refunds WHERE refund_id = @RefundId;";

    public string CountDecision => "UPDATE refund_orders SET decisions = decisions + 1 WHERE order_ref = @Order;";

    // What counts against the order's payment: every refund but the rejected.
    public string SelectCommittedAmounts => "SELECT amount FROM refunds WHERE order_ref = @Order AND state <> 'rejected';";

    public string SelectKnownRefundIds => "SELECT refund_id FROM refunds WHERE order_ref = @Order AND refund_id IS NOT NULL;";

    public string Insert => """
        INSERT INTO refunds (request_id, order_ref, payguru_code, service_code, amount, contact_name, iban, reason, state,
                             rejection_reason, rejection_message, provider_code, attempts, requested_at, updated_at)
        VALUES (@RequestId, @Order, @PayguruCode, @ServiceCode, @Amount, @ContactName, @Iban, @Reason, @State,
                @RejectionReason, @RejectionMessage, @ProviderCode, 0, @RequestedAt, @UpdatedAt);
        """;

    public override string TakeOverAttempt => """
        UPDATE refunds SET attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt, updated_at = @Now
        WHERE request_id = @Key AND state = 'creating' AND attempt_expires_at < @Now;
        """;

    public override string PostponeAttempt => """
        UPDATE refunds SET attempt_expires_at = @ExpiresAt, updated_at = @Now
        WHERE request_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string ReleaseAttempt => """
        UPDATE refunds SET state = 'accepted', attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
        WHERE request_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string CompleteSubmitted => """
        UPDATE refunds SET state = 'submitted', refund_id = @RefundId, attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
        WHERE request_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string CompleteRejected => """
        UPDATE refunds SET state = 'rejected', rejection_reason = @Reason, rejection_message = @Message, provider_code = @ProviderCode,
                           attempt_owner = NULL, attempt_expires_at = NULL, updated_at = @Now
        WHERE request_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    public string SelectNextAcceptedOfOrder => "SELECT request_id FROM refunds WHERE order_ref = @Order AND state = 'accepted' ORDER BY requested_at;";

    public string MarkReconciled => "UPDATE refunds SET reconciled_at = @Now WHERE refund_id = @RefundId;";

    public string SelectResultStatus => "SELECT status FROM refund_results WHERE refund_id = @RefundId;";
}
