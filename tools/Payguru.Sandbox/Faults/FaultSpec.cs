namespace Payguru.Sandbox.Faults;

/// <summary>
/// A fault to inject, as <c>POST /_sandbox/faults</c> takes it and as <c>Sandbox:Faults</c> lists it.
/// <c>Endpoint</c> is a provider endpoint (<c>refund/create</c>, …) or <c>callbacks</c>.
/// </summary>
public sealed class FaultSpec
{
    public string Endpoint { get; set; } = "";

    /// <summary>status, error, latency, hold, drop (endpoints); twice, out-of-order, delay (callbacks).</summary>
    public string Kind { get; set; } = "";

    /// <summary>Acts on the next N calls or callbacks; absent: on every one until cleared.</summary>
    public int? Count { get; set; }

    /// <summary>status: the HTTP status to answer with (500 when absent). error: the HTTP status of the envelope (200 when absent).</summary>
    public int? Status { get; set; }

    /// <summary>error: the provider code, e.g. <c>ERR_016</c> (Payguru) or <c>1001</c> (Paywall's number).</summary>
    public string? Code { get; set; }

    /// <summary>error: the message (the document's message for known Payguru codes when absent).</summary>
    public string? Message { get; set; }

    /// <summary>latency, delay: how long to wait; hold: how long to hold the answer (120 s when absent).</summary>
    public int? DelayMs { get; set; }
}
