namespace Payguru.RefundProcessor.Attempts;

/// <summary>
/// The attempt statements of a table (<see cref="AttemptStore{TRecord, TKey, TQueries}"/>). Each takes the row's
/// key as @Key, the attempt as @AttemptId, its expiry as @ExpiresAt and the time as @Now, and changes that one row
/// only from the state (and owner, or expiry) it expects, which is what keeps provider calls apart across instances.
/// </summary>
public abstract class AttemptQueries
{
    public abstract string SelectByKey { get; }

    /// <summary>Makes an accepted row <c>creating</c>, owned by @AttemptId until @ExpiresAt.</summary>
    public abstract string StartAttempt { get; }

    /// <summary>Gives a <c>creating</c> row whose attempt expired before @Now to @AttemptId.</summary>
    public abstract string TakeOverAttempt { get; }

    /// <summary>Moves the expiry of @AttemptId's attempt to @ExpiresAt, its outcome unknown.</summary>
    public abstract string PostponeAttempt { get; }

    /// <summary>
    /// Up to @Limit rows (key, state) waiting for an attempt (accepted at or before @AcceptedBefore) or whose
    /// attempt expired before @Now, oldest first.
    /// </summary>
    public abstract string SelectSweepable { get; }
}
