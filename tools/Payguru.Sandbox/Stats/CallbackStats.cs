namespace Payguru.Sandbox.Stats;

/// <summary>
/// Callbacks to merchants: every HTTP attempt, the ones the merchant accepted with <c>OK</c>, the
/// ones still waiting for an <c>OK</c> (retrying or delayed), the ones held out of order, and a
/// tally of the answers ("OK", "400 invalid key", "no answer (connection refused)", …).
/// </summary>
public sealed record CallbackStats(
    long Attempts,
    long Accepted,
    long Pending,
    long Held,
    CallbackKindStats Payment,
    CallbackKindStats Refund,
    CallbackKindStats Identity,
    IReadOnlyDictionary<string, long> Answers);
