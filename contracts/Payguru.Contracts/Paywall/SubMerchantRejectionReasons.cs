namespace Payguru.Contracts.Paywall;

/// <summary>The reason codes of <see cref="SubMerchantRejected"/>.</summary>
public static class SubMerchantRejectionReasons
{
    /// <summary>The external id is missing or too long.</summary>
    public const string InvalidExternalId = "invalid_external_id";

    /// <summary>A required name (member name, title) is missing or too long, or the member type is not positive.</summary>
    public const string InvalidMember = "invalid_member";

    /// <summary>Neither a valid 10-digit tax number nor a valid TCKN was given.</summary>
    public const string InvalidTaxNumber = "invalid_tax_number";

    /// <summary>The e-mail address is missing or malformed.</summary>
    public const string InvalidEmail = "invalid_email";

    /// <summary>No bank account, or one whose IBAN fails the ISO 13616 check, or without title or currency.</summary>
    public const string InvalidBankAccount = "invalid_bank_account";

    /// <summary>Paywall already holds a member with this external id, made by someone else than this registration.</summary>
    public const string DuplicateMember = "duplicate_member";

    /// <summary>The processor has no Paywall settings (<c>Paywall:*</c>).</summary>
    public const string PaywallNotConfigured = "paywall_not_configured";

    /// <summary>Paywall refused the member; <see cref="SubMerchantRejected.PaywallErrorCode"/> carries its code.</summary>
    public const string PaywallError = "paywall_error";
}
