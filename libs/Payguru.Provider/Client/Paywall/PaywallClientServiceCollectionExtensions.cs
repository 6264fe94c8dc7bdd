using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Payguru.Provider.Configuration;
using Refit;

namespace Payguru.Provider.Client.Paywall;

public static class PaywallClientServiceCollectionExtensions
{
    /// <summary>
    /// The Refit clients of Paywall: temp tokens at <c>Paywall:BaseUrl</c>, members at
    /// <c>Paywall:MemberBaseUrl</c>, both with the <c>apikeypublic</c>/<c>apiclientpublic</c> headers
    /// and the standard resilience handler (attempt timeout <c>Paywall:RequestTimeout</c>, circuit
    /// breaker). Retries are off for POST, and every Paywall call is a POST: a member create is not
    /// idempotent, and a temp token asked twice is two tokens. When Paywall is not configured the
    /// clients are registered all the same, on a placeholder address; callers check
    /// <see cref="PaywallOptions.IsConfigured"/> first.
    /// </summary>
    public static IServiceCollection AddPaywallClients(this IServiceCollection services)
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        services.AddTransient<PaywallHeadersHandler>();

        services.AddRefitGeneratedClient<IPaywallTokenApi>(settings)
            .ConfigureHttpClient((provider, client) => ConfigureClient(provider, client, options => options.BaseUrl))
            .AddHttpMessageHandler<PaywallHeadersHandler>()
            .AddStandardResilienceHandler()
            .Configure(ConfigureResilience);

        services.AddRefitGeneratedClient<IPaywallMemberApi>(settings)
            .ConfigureHttpClient((provider, client) => ConfigureClient(provider, client, options => options.MemberBaseUrl))
            .AddHttpMessageHandler<PaywallHeadersHandler>()
            .AddStandardResilienceHandler()
            .Configure(ConfigureResilience);

        return services;
    }

    static void ConfigureClient(IServiceProvider services, HttpClient client, Func<PaywallOptions, string> address)
    {
        var options = services.GetRequiredService<IOptions<PaywallOptions>>().Value;
        var url = address(options);
        // Not configured: nothing calls it (callers check IsConfigured), but the client must still build.
        client.BaseAddress = new Uri(string.IsNullOrWhiteSpace(url) ? "http://paywall.not-configured.invalid" : url.TrimEnd('/'));
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler's timeouts rule
    }

    static void ConfigureResilience(HttpStandardResilienceOptions resilience, IServiceProvider services) =>
        ProviderResilience.Configure(resilience, services.GetRequiredService<IOptions<PaywallOptions>>().Value.RequestTimeout);
}
