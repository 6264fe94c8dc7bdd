namespace Payguru.Messaging.Topology;

/// <summary>How the RefundProcessor handles what arrives on one of its endpoints.</summary>
public enum EndpointHandling
{
    /// <summary>
    /// Changes state: each message is handled once (inbox) in one transaction with what it publishes (outbox).
    /// Publishers bind the queue, so a message waits there even before the processor first started.
    /// </summary>
    Transactional,

    /// <summary>
    /// Transactional, and the handlings of messages that arrive together may share one transaction (group commit),
    /// each still with its own inbox record and acknowledged only after that transaction committed. For consumers
    /// that only write the database: nothing slow, no call out.
    /// </summary>
    GroupCommitted,

    /// <summary>
    /// Reads or asks and changes no state of ours: answered outside the inbox/outbox transaction, and a request
    /// asked again is simply answered again. Publishers do not bind the queue: a query nobody answers times out.
    /// </summary>
    Query,
}
