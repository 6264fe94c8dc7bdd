using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>Every field is required.</summary>
/// <param name="ExpiryMin">Minutes the token stays valid, 0 to 30.</param>
public sealed record PaywallTempTokenRequest(
    [property: JsonPropertyName("ClientCardSave")] bool ClientCardSave = false,
    [property: JsonPropertyName("ThreeDSession")] bool ThreeDSession = false,
    [property: JsonPropertyName("ExpiryMin")] int ExpiryMin = 0);
