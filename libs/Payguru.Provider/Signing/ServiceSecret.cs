namespace Payguru.Provider.Signing;

public sealed record ServiceSecret(string Code, string Key)
{
    // Keep the key out of logs and exception messages that print the record.
    public override string ToString() => $"ServiceSecret {{ Code = {Code} }}";
}
