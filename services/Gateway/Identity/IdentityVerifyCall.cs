namespace Payguru.Gateway.Identity;

/// <summary>A genuine <c>verify</c> call: the order asked about and the service whose key matched.</summary>
public sealed record IdentityVerifyCall(string Order, string ServiceCode);
