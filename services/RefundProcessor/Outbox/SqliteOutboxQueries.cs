namespace Payguru.RefundProcessor.Outbox;

/// <summary>SQLite returns the inserted key with RETURNING and pages with LIMIT.</summary>
public sealed class SqliteOutboxQueries : OutboxQueries
{
    public override string Insert => """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, ordering_key, created_at, due_at, attempts)
        VALUES (@MessageId, @MessageType, @Body, @TraceParent, @OrderingKey, @CreatedAt, @DueAt, 0)
        RETURNING sequence;
        """;

    protected override string Top => "";

    protected override string Limit => "LIMIT @BatchSize";
}
