using Payguru.Provider.Signing;

namespace Payguru.Provider.Configuration;

public sealed class PayguruOptions
{
    public const string SectionName = "Payguru";

    public string MerchantId { get; set; } = "";

    public string MerchantKey { get; set; } = "";

    /// <summary>This server's public IP as Payguru sees it; part of the token key.</summary>
    public string ServerIp { get; set; } = "";

    /// <summary>Payguru's API address (production, Payguru's sandbox, or ours).</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>A <c>refund/create</c> given up after this has an unknown outcome and is looked up by order.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public List<PayguruServiceOptions> Services { get; set; } = [];

    public MerchantSecret Merchant => new(MerchantId, MerchantKey);

    public IReadOnlyList<ServiceSecret> ServiceSecrets => Services.Select(s => new ServiceSecret(s.Code, s.Key)).ToList();
}
