namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// SQL Server returns the inserted key with OUTPUT and pages with TOP. Only the lease holder reads
/// due messages, so the read takes no locks beyond READ COMMITTED's.
/// </summary>
public sealed class SqlServerOutboxQueries : OutboxQueries
{
    public override string Insert => """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, ordering_key, created_at, due_at, attempts)
        OUTPUT inserted.sequence
        VALUES (@MessageId, @MessageType, @Body, @TraceParent, @OrderingKey, @CreatedAt, @DueAt, 0);
        """;

    public override string SelectDue => """
        SELECT TOP (@BatchSize) m.sequence AS Sequence, m.message_id AS MessageId, m.message_type AS MessageType, m.body AS Body,
               m.trace_parent AS TraceParent, m.ordering_key AS OrderingKey
        FROM outbox_messages m
        WHERE m.sent_at IS NULL AND (m.due_at IS NULL OR m.due_at <= @Now)
          AND NOT EXISTS (
              SELECT 1 FROM outbox_messages older
              WHERE older.ordering_key = m.ordering_key AND older.sequence < m.sequence
                AND older.sent_at IS NULL AND older.due_at > @Now)
        ORDER BY m.sequence;
        """;
}
