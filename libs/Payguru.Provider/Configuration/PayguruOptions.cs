using Payguru.Provider.Signing;

namespace Payguru.Provider.Configuration;

/// <summary>The merchant's Payguru account, bound from the <c>Payguru</c> configuration section.</summary>
public sealed class PayguruOptions
{
    public const string SectionName = "Payguru";

    /// <summary><c>Payguru:MerchantId</c>: the merchant id Payguru issued.</summary>
    public string MerchantId { get; set; } = "";

    /// <summary><c>Payguru:MerchantKey</c>: the merchant's private key.</summary>
    public string MerchantKey { get; set; } = "";

    /// <summary><c>Payguru:ServerIp</c>: this server's public IP as Payguru sees it; part of the token key.</summary>
    public string ServerIp { get; set; } = "";

    /// <summary><c>Payguru:BaseUrl</c>: Payguru's API address (production, Payguru's sandbox, or ours).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>
    /// <c>Payguru:RequestTimeout</c>: how long one call to Payguru may take before it is given up
    /// (a <c>refund/create</c> given up this way has an unknown outcome and is looked up by order).
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Payguru:Services</c>: the merchant's services, each a code and its private key.</summary>
    public List<PayguruServiceOptions> Services { get; set; } = [];

    public MerchantSecret Merchant => new(MerchantId, MerchantKey);

    public IReadOnlyList<ServiceSecret> ServiceSecrets => Services.Select(s => new ServiceSecret(s.Code, s.Key)).ToList();
}
