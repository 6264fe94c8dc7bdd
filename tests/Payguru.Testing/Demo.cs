using Payguru.Provider.Signing;

namespace Payguru.Testing;

/// <summary>The demo credentials the sandbox is configured with by default (appsettings.json).</summary>
public static class Demo
{
    public const string MerchantId = "123";
    public const string MerchantKey = "mk-secret";
    public const string ServerIp = "127.0.0.1";
    public const string ServiceCode = "DEMO";
    public const string ServiceKey = "sk-secret";
    public const string PaywallKeyPublic = "pw-public-key";
    public const string PaywallClientPublic = "pw-public-client";

    /// <summary>Valid IBANs (mod-97) from docs/protocol.md §7.</summary>
    public const string Iban = "TR800011100000000036888459";

    public static readonly MerchantSecret Merchant = new(MerchantId, MerchantKey);

    public static readonly ServiceSecret Service = new(ServiceCode, ServiceKey);

    /// <summary>md5(merchant + server IP + merchant key): the demo merchant's token key.</summary>
    public static string TokenKey => PayguruKeys.Token(MerchantId, ServerIp, MerchantKey);
}
