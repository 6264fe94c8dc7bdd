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

    /// <summary>Takes or renews the single relay lease; affects one row when @Owner holds it afterwards.</summary>
    string AcquireRelayLease { get; }

    /// <summary>Marks @Sequences sent.</summary>
    string MarkSent { get; }

    /// <summary>Gives up @Owner's claim on @Sequences; they may be claimed again from @RetryAt. Records @Error.</summary>
    string Release { get; }

    /// <summary>Deletes messages sent before @Before; unsent ones stay whatever their age.</summary>
    string DeleteSentBefore { get; }

    /// <summary>Counts messages not sent yet.</summary>
    string CountUnsent { get; }
}
