namespace Payguru.Bench.Chaos;

/// <summary>
/// The Development credentials the services and the sandbox share (README, Configuration), and the customer data the
/// load uses: every one of them is looked for in every log line afterwards (docs/architecture.md, invariant 8).
/// </summary>
public static class DemoCredentials
{
    public const string MerchantId = "123";
    public const string MerchantKey = "mk-secret";
    public const string ServiceCode = "DEMO";
    public const string ServiceKey = "sk-secret";
    public const string ApiKey = "demo-api-key";

    public const string ContactName = "Chaos Refund Holder";
    public const string Iban = "TR800011100000000036888459";

    // A valid TCKN (the check digits of docs/protocol.md); the processor keeps only md5(TCKN + service key).
    public const string Tckn = "10000000146";
}
