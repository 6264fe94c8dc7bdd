using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallTempTokenAnswer(
    [property: JsonPropertyName("TempTokenId")] long TempTokenId = 0,
    [property: JsonPropertyName("Token")] string Token = "",
    [property: JsonPropertyName("ExpiryDateTime")] DateTimeOffset ExpiryDateTime = default,
    [property: JsonPropertyName("Scope")] PaywallTokenScope? Scope = null)
{
    // The token is a credential: keep it out of anything that prints the answer.
    public override string ToString() => $"PaywallTempTokenAnswer {{ TempTokenId = {TempTokenId}, ExpiryDateTime = {ExpiryDateTime:O} }}";
}
