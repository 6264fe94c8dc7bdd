namespace Payguru.RefundProcessor.Outbox;

/// <summary>The outbox statements that differ between dialects (row claiming, returning inserted keys).</summary>
public interface IOutboxQueries
{
    /// <summary>Inserts one message, already claimed by its writer; returns its sequence.</summary>
    string Insert { get; }

    /// <summary>Claims up to @BatchSize unsent, unclaimed (or claim-expired) messages, oldest first; returns them.</summary>
    string ClaimBatch { get; }

    /// <summary>Takes or renews the single relay lease; affects one row when @Owner holds it afterwards.</summary>
    string AcquireRelayLease { get; }

    /// <summary>Marks @Sequences sent.</summary>
    string MarkSent { get; }

    /// <summary>Gives up @Owner's claim on @Sequences; they may be claimed again from @RetryAt. Records @Error.</summary>
    string Release { get; }

    /// <summary>Counts messages not sent yet.</summary>
    string CountUnsent { get; }
}
