namespace Payguru.Contracts.Paywall;

/// <summary>One account of a sub-merchant.</summary>
/// <param name="CurrencyId">Paywall's currency id (1 in the seed's sample).</param>
/// <param name="Title">The account holder's title.</param>
/// <param name="Iban">The IBAN (ISO 13616, spaces allowed).</param>
public sealed record SubMerchantBankAccount(int CurrencyId, string Title, string Iban)
{
    /// <summary>The account without its IBAN.</summary>
    public override string ToString() => $"SubMerchantBankAccount {{ CurrencyId = {CurrencyId} }}";
}
