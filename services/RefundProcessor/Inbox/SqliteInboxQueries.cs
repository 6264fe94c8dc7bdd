namespace Payguru.RefundProcessor.Inbox;

public sealed class SqliteInboxQueries : InboxQueries
{
    public override string TryRecord => """
        INSERT INTO inbox_messages (endpoint, message_id, message_type, received_at)
        VALUES (@Endpoint, @MessageId, @MessageType, @ReceivedAt)
        ON CONFLICT (endpoint, message_id) DO NOTHING;
        """;
}
