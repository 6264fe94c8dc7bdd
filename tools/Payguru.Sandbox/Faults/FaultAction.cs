namespace Payguru.Sandbox.Faults;

/// <summary>What the faults in force do to one call: wait first, then possibly replace or disturb the answer.</summary>
public sealed record FaultAction(int LatencyMs, ActiveFault? Outcome)
{
    public static readonly FaultAction None = new(0, null);

    public bool IsNone => LatencyMs == 0 && Outcome is null;
}
