using Payguru.Contracts.Validation;

namespace Payguru.Contracts.Identity;

/// <summary>
/// What makes a <see cref="RegisterOrderIdentity"/> valid, checked by the processor and by the test kit's stand-in.
/// Messages never repeat the TCKN.
/// </summary>
public static class IdentityRegistrationRules
{
    /// <summary>As for refunds: the order reference Payguru carries.</summary>
    public const int MaxOrderLength = 100;

    /// <summary>The first problem (an <see cref="IdentityRejectionReasons"/> code and a message), or null when it is valid.</summary>
    public static (string Reason, string Message)? Check(string? order, string? tckn)
    {
        if (string.IsNullOrWhiteSpace(order) || order.Length > MaxOrderLength)
        {
            return (IdentityRejectionReasons.InvalidOrder, $"the order reference is required, at most {MaxOrderLength} characters");
        }

        return Tckn.IsValid(tckn, out var error) ? null : (IdentityRejectionReasons.InvalidTckn, error);
    }
}
