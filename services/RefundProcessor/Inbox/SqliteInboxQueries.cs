namespace Payguru.RefundProcessor.Inbox;

public sealed class SqliteInboxQueries : IInboxQueries
{
    public string TryRecord => """
        INSERT INTO inbox_messages (endpoint, message_id, message_type, received_at)
        VALUES (@Endpoint, @MessageId, @MessageType, @ReceivedAt)
        ON CONFLICT (endpoint, message_id) DO NOTHING;
        """;

    // Times are stored as round-trip UTC text, which sorts as it compares.
    public string DeleteReceivedBefore => "DELETE FROM inbox_messages WHERE received_at < @Before;";
}
