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

    protected override string Top => "TOP (@BatchSize)";

    protected override string Limit => "";
}
