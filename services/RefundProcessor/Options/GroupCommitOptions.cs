namespace Payguru.RefundProcessor.Options;

/// <summary>Group commit on the endpoints that take it (docs/architecture.md, storage), bound from the <c>GroupCommit</c> section.</summary>
public sealed class GroupCommitOptions
{
    public const string SectionName = "GroupCommit";

    /// <summary>
    /// At most this many messages' handlings share one transaction; 1 gives each its own. A group is
    /// what arrived while the previous one committed: nothing waits to fill it.
    /// </summary>
    public int MaxMessages { get; set; } = 100;
}
