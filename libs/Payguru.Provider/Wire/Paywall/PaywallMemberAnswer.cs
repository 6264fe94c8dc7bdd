using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>The <c>Body</c> of a successful member answer: the member as stored, with its id and insert time.</summary>
public sealed record PaywallMemberAnswer : PaywallMember
{
    public PaywallMemberAnswer()
    {
    }

    /// <summary>The answer echoing <paramref name="member"/> as stored.</summary>
    public PaywallMemberAnswer(PaywallMember member)
        : base(member)
    {
    }

    // The seed's answer starts with the id and ends with the insert time.
    [JsonPropertyName("Id")]
    [JsonPropertyOrder(-1)]
    public long Id { get; init; }

    /// <summary>When Paywall stored the member, as its text (the seed's samples read it as a string).</summary>
    [JsonPropertyName("InsertDateTime")]
    [JsonPropertyOrder(1)]
    public string? InsertDateTime { get; init; }

    public override string ToString() => $"PaywallMemberAnswer {{ Id = {Id}, MemberExternalId = {MemberExternalId} }}";
}
