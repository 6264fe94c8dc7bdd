using System.Text.Json;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Validation;
using Payguru.Provider.Wire.Paywall;

namespace Payguru.RefundProcessor.Paywall;

/// <summary>A valid <see cref="RegisterSubMerchant"/> as Paywall's member request, and that request as stored until its call is made.</summary>
public static class MemberRequests
{
    public static PaywallMemberRequest From(RegisterSubMerchant command) => new()
    {
        IsSubMerchant = true,
        MemberType = command.MemberType,
        MemberExternalId = command.MemberExternalId,
        MemberName = command.MemberName.Trim(),
        MemberTitle = command.MemberTitle.Trim(),
        MemberTaxOffice = Optional(command.MemberTaxOffice),
        MemberTaxNumber = Optional(command.MemberTaxNumber),
        MemberIdentityNumber = Optional(command.MemberIdentityNumber),
        MemberEmail = command.MemberEmail.Trim(),
        MemberPhone = Optional(command.MemberPhone),
        MemberAddress = Optional(command.MemberAddress),
        ContactName = Optional(command.ContactName),
        ContactLastname = Optional(command.ContactLastname),
        BankAccounts = command.BankAccounts
            .Select(a => new PaywallBankAccount { CurrencyId = a.CurrencyId, Title = a.Title.Trim(), Iban = Iban.Normalize(a.Iban) })
            .ToList(),
        ValueDate = command.ValueDate is { } date
            ? new PaywallValueDate { CalculationType = date.CalculationType, CalculationValue = date.CalculationValue, Commission = date.Commission }
            : null,
    };

    public static string Serialize(PaywallMemberRequest request) => JsonSerializer.Serialize(request);

    public static PaywallMemberRequest Deserialize(string json) =>
        JsonSerializer.Deserialize<PaywallMemberRequest>(json) ?? throw new InvalidOperationException("A stored member request is empty.");

    static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
