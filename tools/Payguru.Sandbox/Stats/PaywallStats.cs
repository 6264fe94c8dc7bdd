namespace Payguru.Sandbox.Stats;

/// <summary>What the Paywall endpoints created.</summary>
public sealed record PaywallStats(long TempTokensIssued, long MembersCreated);
