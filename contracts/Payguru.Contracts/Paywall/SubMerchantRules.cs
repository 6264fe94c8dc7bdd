using Payguru.Contracts.Validation;

namespace Payguru.Contracts.Paywall;

/// <summary>
/// What makes a <see cref="RegisterSubMerchant"/> valid, checked by the processor before any Paywall
/// call and by the test kit's stand-in. Messages name the field and never repeat its value: IBANs, tax and identity numbers and
/// e-mail addresses are personal data.
/// </summary>
public static class SubMerchantRules
{
    /// <summary>The longest member external id.</summary>
    public const int MaxExternalIdLength = 100;

    /// <summary>The longest member name or title (after trimming).</summary>
    public const int MaxNameLength = 200;

    /// <summary>Paywall's <c>ErrorCode</c> when a member with the same <c>MemberExternalId</c> exists already (the sandbox answers the HTTP status).</summary>
    public const int DuplicateMemberCode = 409;

    /// <summary>The first problem of the command, or null when it is valid.</summary>
    public static SubMerchantProblem? Check(RegisterSubMerchant command)
    {
        if (string.IsNullOrWhiteSpace(command.MemberExternalId) || command.MemberExternalId.Length > MaxExternalIdLength)
        {
            return new(SubMerchantRejectionReasons.InvalidExternalId, "memberExternalId", $"the member's external id is required, at most {MaxExternalIdLength} characters");
        }

        if (command.MemberType < 1)
        {
            return new(SubMerchantRejectionReasons.InvalidMember, "memberType", "the member type must be a positive number");
        }

        if (Name(command.MemberName, "memberName", "the member's name") is { } name)
        {
            return name;
        }

        if (Name(command.MemberTitle, "memberTitle", "the member's title") is { } title)
        {
            return title;
        }

        if (TaxIdentity(command) is { } tax)
        {
            return tax;
        }

        if (!IsEmail(command.MemberEmail))
        {
            return new(SubMerchantRejectionReasons.InvalidEmail, "memberEmail", "the member's e-mail address is required and must look like name@example.com");
        }

        return BankAccounts(command.BankAccounts);
    }

    /// <summary>
    /// The problem of a member call Paywall refused with <paramref name="errorCode"/>: 409 (a member with the external id
    /// exists) is <see cref="SubMerchantRejectionReasons.DuplicateMember"/>, any other code <see cref="SubMerchantRejectionReasons.PaywallError"/>.
    /// </summary>
    public static SubMerchantProblem PaywallRefusal(int errorCode, string? message) => errorCode == DuplicateMemberCode
        ? new(SubMerchantRejectionReasons.DuplicateMember, "memberExternalId", $"Paywall holds a member with this external id already: {errorCode} {message}".TrimEnd())
        : new(SubMerchantRejectionReasons.PaywallError, "", $"Paywall refused the member: {errorCode} {message}".TrimEnd());

    /// <summary>A tax number is 10 digits.</summary>
    public static bool IsTaxNumber(string? value) => value is { Length: 10 } && value.All(char.IsAsciiDigit);

    static SubMerchantProblem? Name(string? value, string field, string what) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > MaxNameLength
            ? new(SubMerchantRejectionReasons.InvalidMember, field, $"{what} is required, at most {MaxNameLength} characters")
            : null;

    static SubMerchantProblem? TaxIdentity(RegisterSubMerchant command)
    {
        var taxNumber = Optional(command.MemberTaxNumber);
        var identity = Optional(command.MemberIdentityNumber);
        if (taxNumber is null && identity is null)
        {
            return new(SubMerchantRejectionReasons.InvalidTaxNumber, "memberTaxNumber", "a tax number (10 digits) or an identity number (TCKN, 11 digits) is required");
        }

        if (taxNumber is not null && !IsTaxNumber(taxNumber))
        {
            return new(SubMerchantRejectionReasons.InvalidTaxNumber, "memberTaxNumber", "the tax number must be 10 digits");
        }

        if (identity is not null && !Tckn.IsValid(identity, out _))
        {
            return new(SubMerchantRejectionReasons.InvalidTaxNumber, "memberIdentityNumber", "the identity number must be a valid TCKN (11 digits, check digits)");
        }

        return null;
    }

    static SubMerchantProblem? BankAccounts(IReadOnlyList<SubMerchantBankAccount>? accounts)
    {
        if (accounts is null || accounts.Count == 0)
        {
            return new(SubMerchantRejectionReasons.InvalidBankAccount, "bankAccounts", "at least one bank account is required");
        }

        for (var i = 0; i < accounts.Count; i++)
        {
            var account = accounts[i];
            var field = $"bankAccounts[{i}]";
            if (account is null)
            {
                return new(SubMerchantRejectionReasons.InvalidBankAccount, field, "a bank account must not be null");
            }

            if (account.CurrencyId < 1)
            {
                return new(SubMerchantRejectionReasons.InvalidBankAccount, $"{field}.currencyId", "the currency id must be a positive number");
            }

            if (string.IsNullOrWhiteSpace(account.Title))
            {
                return new(SubMerchantRejectionReasons.InvalidBankAccount, $"{field}.title", "the account's title is required");
            }

            if (!Iban.IsValid(account.Iban, out var error))
            {
                return new(SubMerchantRejectionReasons.InvalidBankAccount, $"{field}.iban", error);
            }
        }

        return null;
    }

    static bool IsEmail(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 254 || value.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var at = value.IndexOf('@');
        var dot = value.LastIndexOf('.');
        return at > 0 && at == value.LastIndexOf('@') && dot > at + 1 && dot < value.Length - 1;
    }

    static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
