namespace Payguru.Contracts.Refunds;

/// <summary>The reason codes of <see cref="RefundRejected"/>.</summary>
public static class RefundRejectionReasons
{
    /// <summary>The amount is not more than zero, or has more than two decimals.</summary>
    public const string InvalidAmount = "invalid_amount";

    /// <summary>The IBAN fails the ISO 13616 check (characters, country length, mod-97).</summary>
    public const string InvalidIban = "invalid_iban";

    /// <summary>The contact name is missing or longer than the limit.</summary>
    public const string InvalidContactName = "invalid_contact_name";

    /// <summary>The order reference is missing or too long.</summary>
    public const string InvalidOrder = "invalid_order";

    /// <summary>No service was named and none could be chosen, or the named one is not configured.</summary>
    public const string UnknownService = "unknown_service";

    /// <summary>With this amount the order's refunds would add up to more than its payment.</summary>
    public const string OverRefund = "over_refund";

    /// <summary>Payguru refused the create; <see cref="RefundRejected.ProviderCode"/> carries its code.</summary>
    public const string ProviderError = "provider_error";
}
