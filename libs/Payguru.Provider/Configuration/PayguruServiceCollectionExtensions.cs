using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Payguru.Provider.Configuration;

public static class PayguruServiceCollectionExtensions
{
    /// <summary>Binds <c>Payguru</c> to <see cref="PayguruOptions"/> and validates it at start-up.</summary>
    public static IServiceCollection AddPayguruOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PayguruOptions>()
            .Bind(configuration.GetSection(PayguruOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PayguruOptions>, PayguruOptionsValidator>();
        return services;
    }
}
