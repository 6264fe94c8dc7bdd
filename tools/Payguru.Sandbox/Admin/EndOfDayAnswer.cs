namespace Payguru.Sandbox.Admin;

/// <summary>What the end-of-day call did: refunds paid back by it, and the refunds whose results were sent.</summary>
public sealed record EndOfDayAnswer(IReadOnlyList<long> Paid, IReadOnlyList<long> Notified);
