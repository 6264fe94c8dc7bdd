using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>A (sub-)merchant: the fields the member request sends and its answer echoes.</summary>
public abstract record PaywallMember(
    [property: JsonPropertyName("IsSubMerchant")] bool IsSubMerchant = false,
    [property: JsonPropertyName("MemberType")] int MemberType = 0,
    [property: JsonPropertyName("MemberExternalId")] string MemberExternalId = "",
    [property: JsonPropertyName("MemberName")] string MemberName = "",
    [property: JsonPropertyName("MemberTitle")] string? MemberTitle = null,
    [property: JsonPropertyName("MemberTaxOffice")] string? MemberTaxOffice = null,
    [property: JsonPropertyName("MemberTaxNumber")] string? MemberTaxNumber = null,
    [property: JsonPropertyName("MemberIdentityNumber")] string? MemberIdentityNumber = null,
    [property: JsonPropertyName("MemberEmail")] string? MemberEmail = null,
    [property: JsonPropertyName("MemberPhone")] string? MemberPhone = null,
    [property: JsonPropertyName("MemberAddress")] string? MemberAddress = null,
    [property: JsonPropertyName("ContactName")] string? ContactName = null,
    [property: JsonPropertyName("ContactLastname")] string? ContactLastname = null)
{
    // Identity numbers are personal data: keep them out of anything that prints a member.
    public override string ToString() => $"{GetType().Name} {{ MemberExternalId = {MemberExternalId} }}";
}
