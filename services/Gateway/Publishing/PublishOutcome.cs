namespace Payguru.Gateway.Publishing;

/// <summary>What became of a publish the gateway must not answer OK without.</summary>
public enum PublishOutcome
{
    /// <summary>The broker confirmed the message and routed it to at least one durable queue.</summary>
    Queued,

    /// <summary>The broker did not confirm in time (down, unreachable, or blocked).</summary>
    BrokerUnavailable,

    /// <summary>No queue is bound to its exchange.</summary>
    Unroutable,
}
