namespace Payguru.RefundProcessor.Inbox;

/// <summary>The inbox statements that differ between dialects.</summary>
public interface IInboxQueries
{
    /// <summary>Inserts (endpoint, message id) unless present; affects one row when it was new.</summary>
    string TryRecord { get; }

    /// <summary>Deletes records received before @Before.</summary>
    string DeleteReceivedBefore { get; }
}
