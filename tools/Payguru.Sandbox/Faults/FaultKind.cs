namespace Payguru.Sandbox.Faults;

/// <summary>What a fault does. The first five act on provider endpoints, the last three on callbacks.</summary>
public enum FaultKind
{
    /// <summary>Answer with an HTTP error status (5xx by default) without doing anything.</summary>
    Status,

    /// <summary>Answer with a provider error code in the provider's envelope without doing anything.</summary>
    Error,

    /// <summary>Wait, then handle the call normally.</summary>
    Latency,

    /// <summary>Handle the call, then hold the answer (past the client's timeout).</summary>
    Hold,

    /// <summary>"Answer lost": handle the call, then drop the connection without answering.</summary>
    Drop,

    /// <summary>Deliver each callback twice.</summary>
    Twice,

    /// <summary>Hold callbacks and deliver them newest first.</summary>
    OutOfOrder,

    /// <summary>Delay each callback's first delivery.</summary>
    Delay,
}
