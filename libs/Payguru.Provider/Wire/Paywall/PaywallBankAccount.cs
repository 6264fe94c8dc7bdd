using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed class PaywallBankAccount
{
    [JsonPropertyName("CurrencyId")]
    public int CurrencyId { get; init; }

    [JsonPropertyName("Title")]
    public string Title { get; init; } = "";

    [JsonPropertyName("Iban")]
    public string Iban { get; init; } = "";

    public override string ToString() => $"PaywallBankAccount {{ CurrencyId = {CurrencyId} }}";
}
