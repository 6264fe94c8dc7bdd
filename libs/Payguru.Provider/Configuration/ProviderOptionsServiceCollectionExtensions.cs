using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Payguru.Provider.Configuration;

public static class ProviderOptionsServiceCollectionExtensions
{
    /// <summary>Binds <c>Payguru</c> to <see cref="PayguruOptions"/>, validated at start-up.</summary>
    public static IServiceCollection AddPayguruOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptionsWithValidateOnStart<PayguruOptions, PayguruOptionsValidator>()
            .Bind(configuration.GetSection(PayguruOptions.SectionName))
            .Services;

    /// <summary>Binds <c>Paywall</c> to <see cref="PaywallOptions"/>, validated at start-up.</summary>
    public static IServiceCollection AddPaywallOptions(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptionsWithValidateOnStart<PaywallOptions, PaywallOptionsValidator>()
            .Bind(configuration.GetSection(PaywallOptions.SectionName))
            .Services;
}
