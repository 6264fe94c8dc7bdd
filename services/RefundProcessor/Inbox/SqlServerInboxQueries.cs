namespace Payguru.RefundProcessor.Inbox;

/// <summary>
/// SQL Server has no ON CONFLICT: the insert reads the key first under UPDLOCK, HOLDLOCK, so that a
/// concurrent handling of the same message waits for this transaction and then sees the row
/// (nothing inserted) instead of failing on the primary key.
/// </summary>
public sealed class SqlServerInboxQueries : InboxQueries
{
    public override string TryRecord => """
        INSERT INTO inbox_messages (endpoint, message_id, message_type, received_at)
        SELECT @Endpoint, @MessageId, @MessageType, @ReceivedAt
        WHERE NOT EXISTS (
            SELECT 1 FROM inbox_messages WITH (UPDLOCK, HOLDLOCK)
            WHERE endpoint = @Endpoint AND message_id = @MessageId);
        """;
}
