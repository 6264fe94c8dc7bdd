using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>A (sub-)merchant: the fields the member request sends and its answer echoes.</summary>
public abstract record PaywallMember
{
    [JsonPropertyName("IsSubMerchant")]
    public bool IsSubMerchant { get; init; }

    [JsonPropertyName("MemberType")]
    public int MemberType { get; init; }

    [JsonPropertyName("MemberExternalId")]
    public string MemberExternalId { get; init; } = "";

    [JsonPropertyName("MemberName")]
    public string MemberName { get; init; } = "";

    [JsonPropertyName("MemberTitle")]
    public string? MemberTitle { get; init; }

    [JsonPropertyName("MemberTaxOffice")]
    public string? MemberTaxOffice { get; init; }

    [JsonPropertyName("MemberTaxNumber")]
    public string? MemberTaxNumber { get; init; }

    [JsonPropertyName("MemberIdentityNumber")]
    public string? MemberIdentityNumber { get; init; }

    [JsonPropertyName("MemberEmail")]
    public string? MemberEmail { get; init; }

    [JsonPropertyName("MemberPhone")]
    public string? MemberPhone { get; init; }

    [JsonPropertyName("MemberAddress")]
    public string? MemberAddress { get; init; }

    [JsonPropertyName("ContactName")]
    public string? ContactName { get; init; }

    [JsonPropertyName("ContactLastname")]
    public string? ContactLastname { get; init; }

    // Identity numbers are personal data: keep them out of anything that prints a member.
    public override string ToString() => $"{GetType().Name} {{ MemberExternalId = {MemberExternalId} }}";
}
