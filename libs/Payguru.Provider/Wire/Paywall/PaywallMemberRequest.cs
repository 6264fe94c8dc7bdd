using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

public sealed record PaywallMemberRequest : PaywallMember
{
    // The serializer writes a derived type's properties first; the seed's order puts these last.
    [JsonPropertyName("BankAccounts")]
    [JsonPropertyOrder(1)]
    public IReadOnlyList<PaywallBankAccount>? BankAccounts { get; init; }

    [JsonPropertyName("ValueDate")]
    [JsonPropertyOrder(2)]
    public PaywallValueDate? ValueDate { get; init; }

    // Identity numbers and IBANs are personal data: keep them out of anything that prints the request.
    public override string ToString() => base.ToString();
}
