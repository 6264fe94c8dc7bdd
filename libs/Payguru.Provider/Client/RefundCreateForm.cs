namespace Payguru.Provider.Client;

/// <summary>The form fields of <c>/phs/refund/create</c>, in the document's order.</summary>
public static class RefundCreateForm
{
    /// <param name="amount">The amount's text, two decimals with a dot (<c>1.00</c>).</param>
    /// <param name="iban">The IBAN in electronic form.</param>
    public static IDictionary<string, string> Create(string serviceCode, string amount, string order, string contactName, string iban) =>
        new Dictionary<string, string>
        {
            ["code"] = serviceCode,
            ["amount"] = amount,
            ["order"] = order,
            ["contact[name]"] = contactName,
            ["contact[iban]"] = iban,
        };
}
