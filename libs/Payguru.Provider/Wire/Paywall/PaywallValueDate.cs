using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallValueDate(
    [property: JsonPropertyName("CalculationType")] int CalculationType = 0,
    [property: JsonPropertyName("CalculationValue")] int CalculationValue = 0,
    [property: JsonPropertyName("Commission")] int Commission = 0);
