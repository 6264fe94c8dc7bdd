using Payguru.Messaging.Topology;

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

    /// <summary>
    /// Messages the broker hands each group-committed endpoint before their acknowledgements, and so how many it
    /// handles at once (MassTransit's concurrency follows the prefetch). A group can only be as large as what is in
    /// flight: MassTransit's default of 16 here left groups of about 7 and a backlog under the gateway's full rate
    /// (bench/README.md). On refund requests it also bounds the <c>refund/create</c> calls in flight.
    /// </summary>
    public int PrefetchCount { get; set; } = ProcessorTopology.GroupCommittedPrefetch;
}
