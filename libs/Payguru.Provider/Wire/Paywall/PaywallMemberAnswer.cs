using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallMemberAnswer : PaywallMember
{
    public PaywallMemberAnswer()
    {
    }

    public PaywallMemberAnswer(PaywallMember member)
        : base(member)
    {
    }

    // The seed's answer starts with the id and ends with the insert time.
    [JsonPropertyName("Id")]
    [JsonPropertyOrder(-1)]
    public long Id { get; init; }

    // The seed's samples read it as a string.
    [JsonPropertyName("InsertDateTime")]
    [JsonPropertyOrder(1)]
    public string? InsertDateTime { get; init; }

    public override string ToString() => $"PaywallMemberAnswer {{ Id = {Id}, MemberExternalId = {MemberExternalId} }}";
}
