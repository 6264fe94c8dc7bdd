using System.Text.Json.Serialization;

namespace Payguru.Provider.Wire.Paywall;

// The serializer writes a derived type's properties first; the seed's order puts these last.
public sealed record PaywallMemberRequest(
    [property: JsonPropertyName("BankAccounts"), JsonPropertyOrder(1)] IReadOnlyList<PaywallBankAccount>? BankAccounts = null,
    [property: JsonPropertyName("ValueDate"), JsonPropertyOrder(2)] PaywallValueDate? ValueDate = null) : PaywallMember
{
    // Identity numbers and IBANs are personal data: keep them out of anything that prints the request.
    public override string ToString() => base.ToString();
}
