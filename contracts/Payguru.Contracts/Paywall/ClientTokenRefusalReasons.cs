namespace Payguru.Contracts.Paywall;

/// <summary>The reason codes of <see cref="ClientTokenRefused"/>.</summary>
public static class ClientTokenRefusalReasons
{
    /// <summary><see cref="IssueClientToken.ExpiryMin"/> is not between 0 and 30.</summary>
    public const string InvalidExpiry = "invalid_expiry";

    /// <summary>The processor has no Paywall settings (<c>Paywall:*</c>).</summary>
    public const string PaywallNotConfigured = "paywall_not_configured";

    /// <summary>Paywall answered an error; <see cref="ClientTokenRefused.PaywallErrorCode"/> carries its code.</summary>
    public const string PaywallError = "paywall_error";

    /// <summary>Paywall gave no usable answer (timeout, lost connection, 5xx without its envelope).</summary>
    public const string PaywallUnavailable = "paywall_unavailable";
}
