using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed class PaywallTempTokenAnswer
{
    [JsonPropertyName("TempTokenId")]
    public long TempTokenId { get; init; }

    [JsonPropertyName("Token")]
    public string Token { get; init; } = "";

    [JsonPropertyName("ExpiryDateTime")]
    public DateTimeOffset ExpiryDateTime { get; init; }

    [JsonPropertyName("Scope")]
    public PaywallTokenScope? Scope { get; init; }

    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"PaywallTempTokenAnswer {{ TempTokenId = {TempTokenId}, ExpiryDateTime = {ExpiryDateTime:O} }}";
}
