namespace Payguru.Messaging.Topology;

/// <summary>One queue of the RefundProcessor: the messages it takes there and how it handles them.</summary>
public sealed record ProcessorEndpoint(string Queue, EndpointHandling Handling, IReadOnlyList<ProcessorMessage> Messages)
{
    public bool IsTransactional => Handling is EndpointHandling.Transactional or EndpointHandling.GroupCommitted;

    public bool IsGroupCommitted => Handling == EndpointHandling.GroupCommitted;
}
