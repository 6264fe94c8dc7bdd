namespace Payguru.Sandbox.Admin;

/// <summary>
/// The body of <c>POST /_sandbox/tokens</c>: make a token of the caller's choosing valid (the seed
/// samples' <c>{3E53E639-…}</c>, say). <c>Merchant</c> defaults to the first configured merchant,
/// <c>Lifetime</c> to the token lifetime.
/// </summary>
public sealed record TokenPlantRequest(string? Merchant, string? Token, TimeSpan? Lifetime);
