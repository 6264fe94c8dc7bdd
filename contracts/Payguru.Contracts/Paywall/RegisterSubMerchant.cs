namespace Payguru.Contracts.Paywall;

/// <summary>
/// Command: create the sub-merchant <see cref="MemberExternalId"/> at Paywall. Send it to
/// <see cref="PaywallEndpoints.SubMerchantsQueue"/>. The RefundProcessor answers with
/// <see cref="SubMerchantRegistered"/> or <see cref="SubMerchantRejected"/>.
/// </summary>
/// <param name="MemberExternalId">
/// Your reference for the member and the idempotency key: once a member is registered (or its
/// registration is under way) the same id again makes no second member and gets the same answer.
/// After a rejection the same id may be registered again.
/// </param>
/// <param name="MemberType">Paywall's member type (the seed's sample uses 1).</param>
/// <param name="MemberName">The member's name (required).</param>
/// <param name="MemberTitle">The member's registered title (required).</param>
/// <param name="MemberTaxOffice">The tax office.</param>
/// <param name="MemberTaxNumber">The 10-digit tax number; this or <paramref name="MemberIdentityNumber"/> is required.</param>
/// <param name="MemberIdentityNumber">The 11-digit TCKN (check digits verified).</param>
/// <param name="MemberEmail">The member's e-mail address (required).</param>
/// <param name="MemberPhone">The member's phone number.</param>
/// <param name="MemberAddress">The member's address.</param>
/// <param name="ContactName">The contact person's first name.</param>
/// <param name="ContactLastname">The contact person's last name.</param>
/// <param name="BankAccounts">At least one account to pay the member to.</param>
/// <param name="ValueDate">How the member's settlement date and commission are computed.</param>
public sealed record RegisterSubMerchant(
    string MemberExternalId,
    int MemberType,
    string MemberName,
    string MemberTitle,
    string? MemberTaxOffice,
    string? MemberTaxNumber,
    string? MemberIdentityNumber,
    string MemberEmail,
    string? MemberPhone,
    string? MemberAddress,
    string? ContactName,
    string? ContactLastname,
    IReadOnlyList<SubMerchantBankAccount> BankAccounts,
    SubMerchantValueDate? ValueDate)
{
    /// <summary>The command without its personal data: tax and identity numbers, e-mail, phone, address and IBANs are left out.</summary>
    public override string ToString() =>
        $"RegisterSubMerchant {{ MemberExternalId = {MemberExternalId}, MemberType = {MemberType}, MemberName = {MemberName}, BankAccounts = {BankAccounts?.Count ?? 0} }}";
}
