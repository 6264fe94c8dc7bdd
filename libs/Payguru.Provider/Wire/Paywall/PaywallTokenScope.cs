using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed class PaywallTokenScope
{
    [JsonPropertyName("ClientCardSave")]
    public bool ClientCardSave { get; init; }

    [JsonPropertyName("ThreeDSession")]
    public bool ThreeDSession { get; init; }
}
