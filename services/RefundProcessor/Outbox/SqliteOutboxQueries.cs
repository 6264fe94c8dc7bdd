namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// SQLite has one writer at a time, so a claim is a plain UPDATE of a claim column;
/// RETURNING gives the claimed rows back in the same statement.
/// </summary>
public sealed class SqliteOutboxQueries : IOutboxQueries
{
    public string Insert => """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at, claimed_by, claim_expires_at, attempts)
        VALUES (@MessageId, @MessageType, @Body, @TraceParent, @CreatedAt, @Owner, @ClaimExpiresAt, 1)
        RETURNING sequence;
        """;

    public string ClaimBatch => """
        UPDATE outbox_messages
        SET claimed_by = @Owner, claim_expires_at = @ClaimExpiresAt, attempts = attempts + 1
        WHERE sequence IN (
            SELECT sequence FROM outbox_messages
            WHERE sent_at IS NULL
              AND (claim_expires_at IS NULL OR claim_expires_at <= @Now)
              AND sequence < COALESCE(
                  (SELECT MIN(sequence) FROM outbox_messages WHERE sent_at IS NULL AND claim_expires_at > @Now),
                  9223372036854775807)
            ORDER BY sequence
            LIMIT @BatchSize)
        RETURNING sequence AS Sequence, message_id AS MessageId, message_type AS MessageType, body AS Body, trace_parent AS TraceParent;
        """;

    public string CountOlderAwaitingRelay => """
        SELECT COUNT(*) FROM outbox_messages
        WHERE sent_at IS NULL AND sequence < @Sequence
          AND (claim_expires_at IS NULL OR claim_expires_at <= @Now OR claimed_by LIKE '%' || @RelaySuffix);
        """;

    public string AcquireRelayLease => """
        UPDATE outbox_relay_lease
        SET owner = @Owner, expires_at = @ExpiresAt
        WHERE id = 1 AND (owner = @Owner OR owner IS NULL OR expires_at <= @Now);
        """;

    public string MarkSent => """
        UPDATE outbox_messages
        SET sent_at = @SentAt, claimed_by = NULL, claim_expires_at = NULL, last_error = NULL
        WHERE sequence IN @Sequences AND sent_at IS NULL;
        """;

    public string Release => """
        UPDATE outbox_messages
        SET claimed_by = NULL, claim_expires_at = @RetryAt, last_error = @Error
        WHERE sequence IN @Sequences AND sent_at IS NULL AND claimed_by = @Owner;
        """;

    // Times are stored as round-trip UTC text, which sorts as it compares.
    public string DeleteSentBefore => "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Before;";

    public string CountUnsent => "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;";
}
