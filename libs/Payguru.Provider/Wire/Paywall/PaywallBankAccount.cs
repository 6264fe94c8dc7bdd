using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

/// <summary>One of a member's bank accounts.</summary>
public sealed class PaywallBankAccount
{
    [JsonPropertyName("CurrencyId")]
    public int CurrencyId { get; init; }

    /// <summary>The account holder's title.</summary>
    [JsonPropertyName("Title")]
    public string Title { get; init; } = "";

    [JsonPropertyName("Iban")]
    public string Iban { get; init; } = "";

    public override string ToString() => $"PaywallBankAccount {{ CurrencyId = {CurrencyId} }}";
}
