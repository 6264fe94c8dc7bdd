using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallBankAccount(
    [property: JsonPropertyName("CurrencyId")] int CurrencyId = 0,
    [property: JsonPropertyName("Title")] string Title = "",
    [property: JsonPropertyName("Iban")] string Iban = "")
{
    public override string ToString() => $"PaywallBankAccount {{ CurrencyId = {CurrencyId} }}";
}
