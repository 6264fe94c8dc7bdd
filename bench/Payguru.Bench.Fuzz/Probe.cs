namespace Payguru.Bench.Fuzz;

/// <summary>How a probe's body is sent: whole, cut short (the sender closes its side half-way), or not at all after the headers (slow).</summary>
public enum BodyMode
{
    Whole,
    CutShort,
    Slow,
}

/// <summary>
/// One request of the fuzz run: its kind (for the report), the bytes on the wire, and whether it is a genuine
/// callback (answered <c>OK</c> and queued) or hostile (answered 4xx, never OK, queues nothing).
/// </summary>
public sealed record Probe(string Kind, bool Genuine, byte[] Bytes, BodyMode Mode = BodyMode.Whole, bool IsHealth = false);
