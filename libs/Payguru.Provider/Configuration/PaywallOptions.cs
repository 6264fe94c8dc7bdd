namespace Payguru.Provider.Configuration;

/// <summary>
/// The merchant's Paywall account, bound from the <c>Paywall</c> configuration section. Paywall is
/// optional: with the whole section left out, the processor runs without it and refuses Paywall
/// requests with <c>paywall_not_configured</c>; a half-filled section fails the start.
/// </summary>
public sealed class PaywallOptions
{
    public const string SectionName = "Paywall";

    /// <summary><c>Paywall:BaseUrl</c>: Paywall's payment API (<c>{{Base Adres}}</c>), where temp tokens are issued.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary><c>Paywall:MemberBaseUrl</c>: Paywall's member API (<c>{{MemberBaseAddress}}</c>), where sub-merchants are created.</summary>
    public string MemberBaseUrl { get; set; } = "";

    /// <summary><c>Paywall:ApiKeyPublic</c>: the public key from the merchant panel (header <c>apikeypublic</c>).</summary>
    public string ApiKeyPublic { get; set; } = "";

    /// <summary><c>Paywall:ApiClientPublic</c>: the public client from the merchant panel (header <c>apiclientpublic</c>).</summary>
    public string ApiClientPublic { get; set; } = "";

    /// <summary><c>Paywall:RequestTimeout</c>: how long one call to Paywall may take before it is given up.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All four of the addresses and credentials are set.</summary>
    public bool IsConfigured => Required.All(setting => !string.IsNullOrWhiteSpace(setting.Value));

    /// <summary>The settings Paywall needs, by name, for the start-up check (values are never shown).</summary>
    internal IEnumerable<(string Name, string Value)> Required =>
    [
        ("Paywall:BaseUrl", BaseUrl),
        ("Paywall:MemberBaseUrl", MemberBaseUrl),
        ("Paywall:ApiKeyPublic", ApiKeyPublic),
        ("Paywall:ApiClientPublic", ApiClientPublic),
    ];

    // The credentials are secrets: keep them out of anything that prints the options.
    public override string ToString() => $"PaywallOptions {{ BaseUrl = {BaseUrl}, MemberBaseUrl = {MemberBaseUrl}, Configured = {IsConfigured} }}";
}
