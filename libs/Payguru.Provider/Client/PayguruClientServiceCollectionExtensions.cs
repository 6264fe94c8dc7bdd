using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Payguru.Provider.Configuration;
using Refit;

namespace Payguru.Provider.Client;

public static class PayguruClientServiceCollectionExtensions
{
    /// <summary>
    /// The Refit clients of Payguru at <c>Payguru:BaseUrl</c>, with the standard resilience handler
    /// (timeouts, retries of safe calls, circuit breaker). Retries are off for POST, so a
    /// <c>refund/create</c> is never repeated by the client. The host registers the
    /// <see cref="IPayguruTokenSource"/> the authenticated client takes its token from.
    /// </summary>
    public static IServiceCollection AddPayguruClients(this IServiceCollection services)
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        services.AddTransient<PayguruAuthenticationHandler>();
        services.AddSingleton<PayguruTokenIssuer>();

        // Generated clients: Refit 16 builds requests at run time only with the separate Refit.Reflection package,
        // and AddRefitClient without it fails on first use (NotSupportedException).
        services.AddRefitGeneratedClient<IPayguruTokenApi>(settings)
            .ConfigureHttpClient(ConfigureBaseAddress)
            .AddStandardResilienceHandler()
            .Configure(ConfigureResilience);

        services.AddRefitGeneratedClient<IPayguruRefundsApi>(settings)
            .ConfigureHttpClient(ConfigureBaseAddress)
            .AddHttpMessageHandler<PayguruAuthenticationHandler>()
            .AddStandardResilienceHandler()
            .Configure(ConfigureResilience);

        return services;
    }

    static void ConfigureBaseAddress(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<PayguruOptions>>().Value;
        client.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/'));
        client.Timeout = Timeout.InfiniteTimeSpan; // the resilience handler's timeouts rule
    }

    static void ConfigureResilience(HttpStandardResilienceOptions resilience, IServiceProvider services) =>
        ProviderResilience.Configure(resilience, services.GetRequiredService<IOptions<PayguruOptions>>().Value.RequestTimeout);
}
