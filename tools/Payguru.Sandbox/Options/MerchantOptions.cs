namespace Payguru.Sandbox.Options;

/// <summary>One entry of <c>Sandbox:Merchants</c>.</summary>
public sealed class MerchantOptions
{
    /// <summary>The merchant id (digits), sent as <c>merchant</c>.</summary>
    public string Id { get; set; } = "";

    /// <summary>The merchant's private key.</summary>
    public string Key { get; set; } = "";

    /// <summary>The merchant server's IP as Payguru sees it; part of the token key.</summary>
    public string ServerIp { get; set; } = "";

    /// <summary>Shown as <c>merchant_name</c> in refunds.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the merchant's <c>/PhsNotifyService</c> and <c>/PhsRefundNotifyService</c> live.</summary>
    public string CallbackBaseUrl { get; set; } = "";

    public List<MerchantServiceOptions> Services { get; set; } = [];
}
