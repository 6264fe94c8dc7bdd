using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallTokenScope(
    [property: JsonPropertyName("ClientCardSave")] bool ClientCardSave = false,
    [property: JsonPropertyName("ThreeDSession")] bool ThreeDSession = false);
