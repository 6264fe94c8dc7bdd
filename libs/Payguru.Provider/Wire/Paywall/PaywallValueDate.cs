using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed class PaywallValueDate
{
    [JsonPropertyName("CalculationType")]
    public int CalculationType { get; init; }

    [JsonPropertyName("CalculationValue")]
    public int CalculationValue { get; init; }

    [JsonPropertyName("Commission")]
    public int Commission { get; init; }
}
