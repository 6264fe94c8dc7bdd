namespace Payguru.Provider.Signing;

public sealed record MerchantSecret(string Id, string Key)
{
    // Keep the key out of logs and exception messages that print the record.
    public override string ToString() => $"MerchantSecret {{ Id = {Id} }}";
}
