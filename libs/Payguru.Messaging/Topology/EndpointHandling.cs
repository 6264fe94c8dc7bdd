namespace Payguru.Messaging.Topology;

public enum EndpointHandling
{
    /// <summary>Handled once (inbox) in one transaction with what it publishes (outbox); publishers bind the queue.</summary>
    Transactional,

    /// <summary>
    /// Transactional, and messages that arrive together may share one transaction, each acknowledged only after it
    /// committed. For consumers that only write the database: nothing slow, no call out.
    /// </summary>
    GroupCommitted,

    /// <summary>Changes no state of ours: no inbox, and publishers do not bind the queue (a query nobody answers times out).</summary>
    Query,
}
