namespace Payguru.Gateway.Identity;

/// <summary>The values of <c>notification_type</c> on <c>/TCKNVerifyService</c> (docs/protocol.md §3).</summary>
public static class IdentityNotificationTypes
{
    /// <summary>Payguru asks for the order's TCKN hash; answered with JSON.</summary>
    public const string Verify = "verify";

    public const string Verified = "verified";

    public const string Unverified = "unverified";
}
