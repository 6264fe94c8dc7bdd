namespace Payguru.RefundProcessor.Refunds;

/// <summary>
/// Every refund statement: shared ones here, the dialects' own in <see cref="SqliteRefundQueries"/> and
/// <see cref="SqlServerRefundQueries"/>. The attempt statements take the request id as @Key
/// (<see cref="Attempts.AttemptRows{TRecord, TKey}"/>).
/// </summary>
public abstract class RefundQueries
{
    const string Columns = """
        request_id AS RequestId, order_ref AS "Order", payguru_code AS PayguruCode, service_code AS ServiceCode,
        amount AS Amount, contact_name AS ContactName, iban AS Iban, reason AS Reason, state AS State,
        refund_id AS RefundId, rejection_reason AS RejectionReason, rejection_message AS RejectionMessage,
        provider_code AS ProviderCode, attempt_owner AS AttemptOwner, attempt_expires_at AS AttemptExpiresAt,
        attempts AS Attempts, requested_at AS RequestedAt, updated_at AS UpdatedAt
        """;

    /// <summary>Creates the order's lock row when missing (no error when present).</summary>
    public abstract string EnsureOrderRow { get; }

    /// <summary>
    /// Starts an attempt on the accepted refund @Key (state creating, owner @AttemptId until
    /// @ExpiresAt, updated_at @Now) unless another refund of its order is creating; a concurrent
    /// start on the same order waits and then affects no row rather than failing.
    /// </summary>
    public abstract string StartAttempt { get; }

    /// <summary>
    /// Inserts or raises a refund's result, only when its status is higher than the recorded one
    /// (a status never moves backwards): affects one row when it changed something.
    /// </summary>
    public abstract string UpsertResultWhenHigher { get; }

    /// <summary>
    /// Up to @Limit refunds (key, state) that wait for an attempt (accepted at or before @AcceptedBefore)
    /// or whose attempt expired before @Now, oldest first.
    /// </summary>
    public abstract string SelectSweepable { get; }

    /// <summary>
    /// Up to @Limit submitted refunds without a final result (status @Paid), submitted before
    /// @SubmittedBefore and not asked since @AskedBefore, oldest first.
    /// </summary>
    public abstract string SelectToReconcile { get; }

    public string SelectByKey => $"SELECT {Columns} FROM refunds WHERE request_id = @Key;";

    public string SelectByRefundId => $"SELECT {Columns} FROM refunds WHERE refund_id = @RefundId;";

    public string CountDecision => "UPDATE refund_orders SET decisions = decisions + 1 WHERE order_ref = @Order;";

    /// <summary>The amounts of the order's refunds that count against its payment: all but the rejected.</summary>
    public string SelectCommittedAmounts => "SELECT amount FROM refunds WHERE order_ref = @Order AND state <> 'rejected';";

    public string SelectKnownRefundIds => "SELECT refund_id FROM refunds WHERE order_ref = @Order AND refund_id IS NOT NULL;";

    public string Insert => """
        INSERT INTO refunds (request_id, order_ref, payguru_code, service_code, amount, contact_name, iban, reason, state,
                             rejection_reason, rejection_message, provider_code, attempts, requested_at, updated_at)
        VALUES (@RequestId, @Order, @PayguruCode, @ServiceCode, @Amount, @ContactName, @Iban, @Reason, @State,
                @RejectionReason, @RejectionMessage, @ProviderCode, 0, @RequestedAt, @UpdatedAt);
        """;

    public string TakeOverAttempt => """
        UPDATE refunds SET attempt_owner = @AttemptId, attempt_expires_at = @ExpiresAt, updated_at = @Now
        WHERE request_id = @Key AND state = 'creating' AND attempt_expires_at < @Now;
        """;

    public string PostponeAttempt => """
        UPDATE refunds SET attempt_expires_at = @ExpiresAt, updated_at = @Now
        WHERE request_id = @Key AND attempt_owner = @AttemptId AND state = 'creating';
        """;

    /// <summary>Makes the refund @Key accepted again while @AttemptId owns its attempt (its create was never sent).</summary>
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
