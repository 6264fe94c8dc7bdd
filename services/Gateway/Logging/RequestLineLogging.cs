namespace Payguru.Gateway.Logging;

/// <summary>
/// Payguru's callbacks carry their key, and a refund's IBAN and contact name, in the query string; ASP.NET Core's
/// hosting writes every request line with its query ("Request starting/finished", Information) under
/// <see cref="Category"/>. That category is held at Warning whatever the configuration asks, for every logging
/// provider: its warnings carry no query, and the gateway's own lines say what each callback did.
/// </summary>
public static class RequestLineLogging
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>
    /// After the configuration's rules, one rule per provider they name (and one for all): the same category, so of
    /// equal weight, and the last of equals wins. <c>Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Trace</c>
    /// or <c>Logging__Console__LogLevel__...</c> cannot lower it.
    /// </summary>
    public static IServiceCollection HoldRequestLinesAtWarning(this IServiceCollection services) =>
        services.PostConfigure<LoggerFilterOptions>(options =>
        {
            var providers = options.Rules.Select(rule => rule.ProviderName).Where(name => name is not null).Distinct().ToList();
            foreach (var provider in providers.Append(null))
            {
                options.Rules.Add(new LoggerFilterRule(provider, Category, LogLevel.Warning, filter: null));
            }
        });
}
