using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>The <c>Body</c> of a successful temp token answer.</summary>
public sealed class PaywallTempTokenAnswer
{
    [JsonPropertyName("TempTokenId")]
    public long TempTokenId { get; init; }

    [JsonPropertyName("Token")]
    public string Token { get; init; } = "";

    /// <summary>When the token stops working, with Turkey's offset, e.g. <c>2024-06-13T22:25:08.0404774+03:00</c>.</summary>
    [JsonPropertyName("ExpiryDateTime")]
    public DateTimeOffset ExpiryDateTime { get; init; }

    [JsonPropertyName("Scope")]
    public PaywallTokenScope? Scope { get; init; }

    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"PaywallTempTokenAnswer {{ TempTokenId = {TempTokenId}, ExpiryDateTime = {ExpiryDateTime:O} }}";
}
