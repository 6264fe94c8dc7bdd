namespace Payguru.RefundProcessor.Outbox;

/// <summary>The outbox statements that differ between dialects (row claiming, returning inserted keys).</summary>
public interface IOutboxQueries
{
    /// <summary>Inserts one message, already claimed by its writer; returns its sequence.</summary>
    string Insert { get; }

    /// <summary>
    /// Claims up to @BatchSize of the oldest unsent messages, stopping before the first one that is
    /// still claimed (by a sender at work, or waiting for its retry time): nothing overtakes an
    /// older message. Returns the claimed rows.
    /// </summary>
    string ClaimBatch { get; }

    /// <summary>
    /// Counts unsent messages older than @Sequence that wait for the relay: unclaimed, claim
    /// expired, or claimed by a relay (owner ending in @RelaySuffix).
    /// </summary>
    string CountOlderAwaitingRelay { get; }

    /// <summary>Counts messages not sent yet.</summary>
    string CountUnsent { get; }
}
