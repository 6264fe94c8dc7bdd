namespace Payguru.Sandbox.Stats;

/// <summary>Attempts and accepted deliveries of one kind of notification.</summary>
public sealed record CallbackKindStats(long Attempts, long Accepted);
