using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>What a temp token may be used for, echoed from the request.</summary>
public sealed class PaywallTokenScope
{
    [JsonPropertyName("ClientCardSave")]
    public bool ClientCardSave { get; init; }

    [JsonPropertyName("ThreeDSession")]
    public bool ThreeDSession { get; init; }
}
