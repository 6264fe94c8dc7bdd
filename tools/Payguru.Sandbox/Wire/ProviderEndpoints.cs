namespace Payguru.Sandbox.Wire;

/// <summary>
/// The names the admin API and the counters use for <see cref="ProviderEndpoint"/>: the path after
/// <c>/phs/</c> or <c>/api/</c>, e.g. <c>refund/create</c>, <c>paywall/temptoken</c>.
/// </summary>
public static class ProviderEndpoints
{
    public static readonly IReadOnlyList<ProviderEndpoint> All = Enum.GetValues<ProviderEndpoint>();

    static readonly string[] Names =
    [
        "getToken", "getToken/check", "refund/create", "refund/get", "refund/getByOrder", "transaction/test",
        "paywall/temptoken", "paywall/member",
    ];

    public static string Name(this ProviderEndpoint endpoint) => Names[(int)endpoint];

    public static bool IsPaywall(this ProviderEndpoint endpoint) =>
        endpoint is ProviderEndpoint.PaywallTempToken or ProviderEndpoint.PaywallMember;

    /// <summary>Reads a name, case-insensitively; the full path (<c>/phs/refund/create</c>) is accepted too.</summary>
    public static bool TryParse(string? text, out ProviderEndpoint endpoint)
    {
        endpoint = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var name = text.Trim().TrimStart('/');
        if (name.StartsWith("phs/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }
        else if (name.StartsWith("api/", StringComparison.OrdinalIgnoreCase))
        {
            name = name[4..];
        }

        var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            return false;
        }

        endpoint = (ProviderEndpoint)index;
        return true;
    }

    public static string Known => string.Join(", ", Names);
}
