namespace Payguru.RefundProcessor.Refunds;

/// <summary>The refund statements that differ between dialects.</summary>
public interface IRefundQueries
{
    /// <summary>Creates the order's lock row when missing (no error when present).</summary>
    string EnsureOrderRow { get; }

    /// <summary>
    /// Starts an attempt on the accepted refund @RequestId (state creating, owner @AttemptId until
    /// @ExpiresAt, updated_at @Now) unless another refund of its order is creating; a concurrent
    /// start on the same order waits and then affects no row rather than failing.
    /// </summary>
    string StartAttempt { get; }

    /// <summary>
    /// Inserts or raises a refund's result, only when its status is higher than the recorded one
    /// (a status never moves backwards): affects one row when it changed something.
    /// </summary>
    string UpsertResultWhenHigher { get; }

    /// <summary>
    /// Up to @Limit refunds (request_id, state) that wait for an attempt (accepted at or before @AcceptedBefore,
    /// round-trip UTC text) or whose attempt expired before @Now.
    /// </summary>
    string SelectSweepable { get; }

    /// <summary>
    /// Up to @Limit submitted refunds without a final result (status @Paid), submitted before
    /// @SubmittedBefore and not asked since @AskedBefore, oldest first.
    /// </summary>
    string SelectToReconcile { get; }
}
