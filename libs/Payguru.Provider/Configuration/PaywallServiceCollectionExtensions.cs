using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Payguru.Provider.Configuration;

public static class PaywallServiceCollectionExtensions
{
    /// <summary>Binds <c>Paywall</c> to <see cref="PaywallOptions"/> and validates it at start-up.</summary>
    public static IServiceCollection AddPaywallOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaywallOptions>()
            .Bind(configuration.GetSection(PaywallOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaywallOptions>, PaywallOptionsValidator>();
        return services;
    }
}
