namespace Payguru.RefundProcessor.Inbox;

/// <summary>Every inbox statement: shared ones here, the dialects' own in <see cref="SqliteInboxQueries"/> and <see cref="SqlServerInboxQueries"/>.</summary>
public abstract class InboxQueries
{
    /// <summary>Inserts (endpoint, message id) unless present; affects one row when it was new.</summary>
    public abstract string TryRecord { get; }

    /// <summary>Deletes records received before @Before.</summary>
    public string DeleteReceivedBefore => "DELETE FROM inbox_messages WHERE received_at < @Before;";
}
