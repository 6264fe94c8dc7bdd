namespace Payguru.Sandbox.Options;

/// <summary>One of a merchant's Payguru services.</summary>
public sealed class MerchantServiceOptions
{
    /// <summary>The service code, e.g. <c>DEMO</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The service's private key.</summary>
    public string Key { get; set; } = "";

    /// <summary>Payguru's numeric id of the service, shown as <c>service_id</c> in refunds.</summary>
    public long Id { get; set; }
}
