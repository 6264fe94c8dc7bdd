namespace Payguru.Provider.Signing;

/// <summary>One Payguru service of the merchant: its code and private key.</summary>
public sealed record ServiceSecret(string Code, string Key)
{
    // Keep the key out of logs and exception messages that print the record.
    public override string ToString() => $"ServiceSecret {{ Code = {Code} }}";
}
