namespace Payguru.Provider.Configuration;

/// <summary>
/// The merchant's Paywall account. Optional: with the whole section left out, the processor refuses Paywall
/// requests with <c>paywall_not_configured</c>; a half-filled section fails the start.
/// </summary>
public sealed class PaywallOptions
{
    public const string SectionName = "Paywall";

    /// <summary>Paywall's payment API (<c>{{Base Adres}}</c>), where temp tokens are issued.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Paywall's member API (<c>{{MemberBaseAddress}}</c>), where sub-merchants are created.</summary>
    public string MemberBaseUrl { get; set; } = "";

    public string ApiKeyPublic { get; set; } = "";

    public string ApiClientPublic { get; set; } = "";

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool IsConfigured => Required.All(setting => !string.IsNullOrWhiteSpace(setting.Value));

    // By name, for the start-up check (values are never shown).
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
