namespace Payguru.Sandbox.Admin;

/// <summary>The planted token's merchant and end (the token itself is not echoed).</summary>
public sealed record TokenPlantedAnswer(string Merchant, DateTimeOffset ExpiresAt);
