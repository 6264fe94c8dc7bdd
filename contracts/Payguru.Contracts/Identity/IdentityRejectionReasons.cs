namespace Payguru.Contracts.Identity;

/// <summary>The reason codes of <see cref="OrderIdentityRejected"/>.</summary>
public static class IdentityRejectionReasons
{
    /// <summary>The order reference is missing or too long.</summary>
    public const string InvalidOrder = "invalid_order";

    /// <summary>
    /// The TCKN is not a TCKN: not 11 digits, a first digit of zero, or check digits that do not match.
    /// <see cref="OrderIdentityRejected.Message"/> says which.
    /// </summary>
    public const string InvalidTckn = "invalid_tckn";
}
