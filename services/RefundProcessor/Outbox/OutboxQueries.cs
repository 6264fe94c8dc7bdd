namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// Every outbox statement: shared ones here, the dialects' own in <see cref="SqliteOutboxQueries"/> and
/// <see cref="SqlServerOutboxQueries"/>. Times are round-trip UTC text, which sorts as it compares.
/// </summary>
public abstract class OutboxQueries
{
    /// <summary>Returns the inserted message's sequence.</summary>
    public abstract string Insert { get; }

    /// <summary>
    /// Up to @BatchSize unsent messages due at @Now (or with no due time), oldest first, leaving out any message of a key
    /// that has an older unsent message not due yet (its writer is sending it, or it waits to be retried):
    /// a key's messages leave in sequence order.
    /// </summary>
    public string SelectDue => $"""
        SELECT {Top} m.sequence AS Sequence, m.message_id AS MessageId, m.message_type AS MessageType, m.body AS Body,
               m.trace_parent AS TraceParent, m.ordering_key AS OrderingKey
        FROM outbox_messages m
        WHERE m.sent_at IS NULL AND (m.due_at IS NULL OR m.due_at <= @Now)
          AND NOT EXISTS (
              SELECT 1 FROM outbox_messages older
              WHERE older.ordering_key = m.ordering_key AND older.sequence < m.sequence
                AND older.sent_at IS NULL AND older.due_at > @Now)
        ORDER BY m.sequence {Limit};
        """;

    // The dialect's paging of SelectDue to @BatchSize rows: before the columns, and at the end.
    protected abstract string Top { get; }

    protected abstract string Limit { get; }

    public string SelectOlderUnsentOfKeys => """
        SELECT sequence FROM outbox_messages
        WHERE ordering_key IN @Keys AND sequence < @Before AND sent_at IS NULL;
        """;

    public string MarkSent => """
        UPDATE outbox_messages SET sent_at = @SentAt, last_error = NULL
        WHERE sequence IN @Sequences AND sent_at IS NULL;
        """;

    public string Postpone => """
        UPDATE outbox_messages SET due_at = @DueAt, attempts = attempts + 1, last_error = @Error
        WHERE sequence IN @Sequences AND sent_at IS NULL;
        """;

    public string AcquireRelayLease => """
        UPDATE outbox_relay_lease
        SET owner = @Owner, expires_at = @ExpiresAt
        WHERE id = 1 AND (owner = @Owner OR owner IS NULL OR expires_at <= @Now);
        """;

    public string DeleteSentBefore => "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Before;";

    public string CountUnsent => "SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL;";
}
