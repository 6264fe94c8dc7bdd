namespace Payguru.Sandbox.Faults;

/// <summary>
/// What the callback faults in force do to one notification: send it twice, delay its first
/// delivery, or hold it for reordering (<see cref="CompletesHeldGroup"/>: it is the last of the
/// out-of-order group, release the group now, newest first).
/// </summary>
public sealed record CallbackPlan(bool Twice, int DelayMs, bool Hold, bool CompletesHeldGroup)
{
    public static readonly CallbackPlan Normal = new(false, 0, false, false);
}
