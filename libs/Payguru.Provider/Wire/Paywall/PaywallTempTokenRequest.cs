using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>Every field is required.</summary>
public sealed class PaywallTempTokenRequest
{
    [JsonPropertyName("ClientCardSave")]
    public bool ClientCardSave { get; init; }

    [JsonPropertyName("ThreeDSession")]
    public bool ThreeDSession { get; init; }

    /// <summary>Minutes the token stays valid, 0 to 30.</summary>
    [JsonPropertyName("ExpiryMin")]
    public int ExpiryMin { get; init; }
}
