using Payguru.Provider.Signing;

namespace Payguru.Bench;

/// <summary>The documented demo credentials the services use in the Development environment.</summary>
public static class DemoCredentials
{
    public static readonly MerchantSecret Merchant = new("123", "mk-secret");

    public static readonly ServiceSecret Service = new("DEMO", "sk-secret");
}
