namespace Payguru.Sandbox.Paywall;

/// <summary>What Paywall requires of each body; the first problem found is the answer's message.</summary>
public static class PaywallValidation
{
    public const int MaxExpiryMinutes = 30;

    /// <summary>temptoken: <c>ClientCardSave</c>, <c>ThreeDSession</c> and <c>ExpiryMin</c> (0 to 30), all required.</summary>
    public static string? TempToken(PaywallBody body) =>
        body.RequireBool("ClientCardSave")
        ?? body.RequireBool("ThreeDSession")
        ?? body.RequireInt("ExpiryMin", 0, MaxExpiryMinutes);

    /// <summary>
    /// member: the kind, the external id, name, title and e-mail are required; the seed names no
    /// rule beyond its sample, so the rest only has to have the right type (an identity number 11 digits).
    /// </summary>
    public static string? Member(PaywallBody body) =>
        body.RequireBool("IsSubMerchant")
        ?? body.RequireInt("MemberType", 1)
        ?? body.RequireString("MemberExternalId")
        ?? body.RequireString("MemberName")
        ?? body.RequireString("MemberTitle")
        ?? body.RequireString("MemberEmail")
        ?? (body.StringValue("MemberEmail")?.Contains('@') == false ? "MemberEmail must be an e-mail address." : null)
        ?? OptionalStrings(body, "MemberTaxOffice", "MemberTaxNumber", "MemberIdentityNumber", "MemberPhone", "MemberAddress", "ContactName", "ContactLastname")
        ?? (body.StringValue("MemberIdentityNumber") is { Length: > 0 } identity && (identity.Length != 11 || !identity.All(char.IsAsciiDigit))
            ? "MemberIdentityNumber must be 11 digits."
            : null)
        ?? body.OptionalObjects("BankAccounts", (fields, path) =>
            PaywallBody.RequireInt(fields, "CurrencyId", $"{path}.CurrencyId")
            ?? PaywallBody.RequireString(fields, "Title", $"{path}.Title")
            ?? PaywallBody.RequireString(fields, "Iban", $"{path}.Iban"))
        ?? body.OptionalObject("ValueDate", (fields, path) =>
            PaywallBody.RequireInt(fields, "CalculationType", $"{path}.CalculationType")
            ?? PaywallBody.RequireInt(fields, "CalculationValue", $"{path}.CalculationValue")
            ?? PaywallBody.RequireInt(fields, "Commission", $"{path}.Commission"));

    static string? OptionalStrings(PaywallBody body, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (body.OptionalString(name) is { } error)
            {
                return error;
            }
        }

        return null;
    }
}
