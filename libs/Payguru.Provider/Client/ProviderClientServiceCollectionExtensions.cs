using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Payguru.Provider.Client.Paywall;
using Payguru.Provider.Configuration;
using Refit;

namespace Payguru.Provider.Client;

/// <summary>
/// The Refit clients of Payguru and Paywall, each with the standard resilience handler: every attempt bounded by
/// the provider's request timeout, the whole call by three attempts and a margin, and no retry of an unsafe
/// method, since a refund or member create is not idempotent (invariant 5, docs/architecture.md) and a temp
/// token asked twice is two tokens.
/// </summary>
public static class ProviderClientServiceCollectionExtensions
{
    static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

    /// <summary>The host registers the <see cref="IPayguruTokenSource"/> the authenticated client takes its token from.</summary>
    public static IServiceCollection AddPayguruClients(this IServiceCollection services)
    {
        services.AddTransient<PayguruAuthenticationHandler>();
        services.AddSingleton<PayguruTokenIssuer>();
        services.AddProviderClient<IPayguruTokenApi, PayguruOptions>(o => o.BaseUrl, o => o.RequestTimeout);
        services.AddProviderClient<IPayguruRefundsApi, PayguruOptions>(
            o => o.BaseUrl, o => o.RequestTimeout, provider => provider.GetRequiredService<PayguruAuthenticationHandler>());
        return services;
    }

    /// <summary>Registered even when Paywall is not configured; callers check <see cref="PaywallOptions.IsConfigured"/> first.</summary>
    public static IServiceCollection AddPaywallClients(this IServiceCollection services)
    {
        services.AddTransient<PaywallHeadersHandler>();
        Func<IServiceProvider, DelegatingHandler> headers = provider => provider.GetRequiredService<PaywallHeadersHandler>();
        services.AddProviderClient<IPaywallTokenApi, PaywallOptions>(o => OrPlaceholder(o.BaseUrl), o => o.RequestTimeout, headers);
        services.AddProviderClient<IPaywallMemberApi, PaywallOptions>(o => OrPlaceholder(o.MemberBaseUrl), o => o.RequestTimeout, headers);
        return services;
    }

    // Not configured: nothing calls it (callers check IsConfigured), but the client must still build.
    static string OrPlaceholder(string url) => string.IsNullOrWhiteSpace(url) ? "http://paywall.not-configured.invalid" : url;

    static void AddProviderClient<TApi, TOptions>(
        this IServiceCollection services,
        Func<TOptions, string> baseUrl,
        Func<TOptions, TimeSpan> requestTimeout,
        Func<IServiceProvider, DelegatingHandler>? handler = null)
        where TApi : class
        where TOptions : class
    {
        // Generated clients: Refit 16 builds requests at run time only with the separate Refit.Reflection package,
        // and AddRefitClient without it fails on first use (NotSupportedException).
        var client = services.AddRefitGeneratedClient<TApi>(Settings).ConfigureHttpClient((provider, http) =>
        {
            http.BaseAddress = new Uri(baseUrl(provider.GetRequiredService<IOptions<TOptions>>().Value).TrimEnd('/'));
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler's timeouts rule
        });
        if (handler is not null)
        {
            client.AddHttpMessageHandler(handler);
        }

        client.AddStandardResilienceHandler().Configure((resilience, provider) =>
        {
            var timeout = requestTimeout(provider.GetRequiredService<IOptions<TOptions>>().Value);
            resilience.AttemptTimeout.Timeout = timeout;
            resilience.TotalRequestTimeout.Timeout = timeout * 3 + TimeSpan.FromSeconds(5);
            resilience.CircuitBreaker.SamplingDuration = timeout * 2 > TimeSpan.FromSeconds(30) ? timeout * 2 : TimeSpan.FromSeconds(30);
            resilience.Retry.DisableForUnsafeHttpMethods();
        });
    }
}
