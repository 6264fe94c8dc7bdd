namespace Payguru.RefundProcessor.Inbox;

/// <summary>Every inbox statement: shared ones here, the dialects' own in <see cref="SqliteInboxQueries"/> and <see cref="SqlServerInboxQueries"/>.</summary>
public abstract class InboxQueries
{
    public abstract string TryRecord { get; }

    public string DeleteReceivedBefore => "DELETE FROM inbox_messages WHERE received_at < @Before;";
}
