namespace Payguru.Sandbox.Callbacks;

/// <summary>
/// What came of sending a notification at once: the merchant's answer to the first delivery, or
/// nothing yet because an out-of-order fault holds it.
/// </summary>
public sealed record DispatchOutcome(CallbackAnswer? Answer)
{
    public static readonly DispatchOutcome Held = new((CallbackAnswer?)null);
}
