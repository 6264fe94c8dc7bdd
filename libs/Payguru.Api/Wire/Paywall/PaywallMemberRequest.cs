using System.Text.Json.Serialization;

namespace Payguru.Api.Wire.Paywall;

/// <summary>The body of <c>POST {MemberBase}/api/paywall/member</c>: a (sub-)merchant to create.</summary>
public sealed class PaywallMemberRequest
{
    [JsonPropertyName("IsSubMerchant")]
    public bool IsSubMerchant { get; init; }

    [JsonPropertyName("MemberType")]
    public int MemberType { get; init; }

    /// <summary>The merchant's own reference for the member.</summary>
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

    [JsonPropertyName("BankAccounts")]
    public IReadOnlyList<PaywallBankAccount>? BankAccounts { get; init; }

    [JsonPropertyName("ValueDate")]
    public PaywallValueDate? ValueDate { get; init; }

    // Identity numbers and IBANs are personal data: keep them out of anything that prints the request.
    public override string ToString() => $"PaywallMemberRequest {{ MemberExternalId = {MemberExternalId} }}";
}
