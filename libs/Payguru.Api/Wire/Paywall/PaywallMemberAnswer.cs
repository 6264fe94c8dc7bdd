using System.Text.Json.Serialization;

namespace Payguru.Api.Wire.Paywall;

/// <summary>The <c>Body</c> of a successful member answer: the member as stored, with its id and insert time.</summary>
public sealed class PaywallMemberAnswer
{
    [JsonPropertyName("Id")]
    public long Id { get; init; }

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

    /// <summary>When Paywall stored the member, as its text (the seed's samples read it as a string).</summary>
    [JsonPropertyName("InsertDateTime")]
    public string? InsertDateTime { get; init; }

    public override string ToString() => $"PaywallMemberAnswer {{ Id = {Id}, MemberExternalId = {MemberExternalId} }}";
}
