namespace Payguru.Contracts.Paywall;

/// <summary>What makes an <see cref="IssueClientToken"/> valid, checked by the processor before any Paywall call and by the test kit's stand-in.</summary>
public static class ClientTokenRules
{
    /// <summary>The refusal of an invalid request, or null when it is valid.</summary>
    public static ClientTokenRefused? Check(IssueClientToken request) =>
        request.ExpiryMin is < 0 or > IssueClientToken.MaxExpiryMin
            ? new ClientTokenRefused(ClientTokenRefusalReasons.InvalidExpiry, $"ExpiryMin must be between 0 and {IssueClientToken.MaxExpiryMin}", null)
            : null;
}
