namespace Payguru.Sandbox.Tokens;

/// <summary>A token Payguru handed to a merchant, valid until <see cref="ExpiresAt"/>.</summary>
public sealed record IssuedToken(string MerchantId, DateTimeOffset ExpiresAt);
