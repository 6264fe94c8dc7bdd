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

    public string CountUnsent => "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;";
}
