using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>The body of <c>POST {Base}/api/paywall/temptoken</c>; every field is required.</summary>
public sealed class PaywallTempTokenRequest
{
    /// <summary>Will the client use the token to save a card?</summary>
    [JsonPropertyName("ClientCardSave")]
    public bool ClientCardSave { get; init; }

    /// <summary>Will the client use the token for a 3D Secure payment?</summary>
    [JsonPropertyName("ThreeDSession")]
    public bool ThreeDSession { get; init; }

    /// <summary>Minutes the token stays valid, 0 to 30.</summary>
    [JsonPropertyName("ExpiryMin")]
    public int ExpiryMin { get; init; }
}
