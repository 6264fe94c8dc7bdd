namespace Payguru.Sandbox.Admin;

/// <summary>How many held notifications were released (newest first).</summary>
public sealed record CallbacksReleasedAnswer(int Released);
