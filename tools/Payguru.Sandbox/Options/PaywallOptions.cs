namespace Payguru.Sandbox.Options;

/// <summary><c>Sandbox:Paywall</c>: the credentials Paywall's merchant panel would hand out.</summary>
public sealed class PaywallOptions
{
    /// <summary>Expected in the <c>apikeypublic</c> header.</summary>
    public string ApiKeyPublic { get; set; } = "";

    /// <summary>Expected in the <c>apiclientpublic</c> header.</summary>
    public string ApiClientPublic { get; set; } = "";
}
