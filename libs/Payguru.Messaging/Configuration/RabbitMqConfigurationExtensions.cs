using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Payguru.Messaging.Configuration;

public static class RabbitMqConfigurationExtensions
{
    /// <summary>Binds <c>RabbitMq</c> to <see cref="RabbitMqOptions"/> and validates it at start-up.</summary>
    public static IServiceCollection AddRabbitMqOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RabbitMqOptions>()
            .Bind(configuration.GetSection(RabbitMqOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        return services;
    }

    /// <summary>Points the bus at the configured broker.</summary>
    public static void UsePayguruBroker(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions options)
    {
        cfg.Host(options.Host, options.Port, options.VirtualHost, h =>
        {
            h.Username(options.Username);
            h.Password(options.Password);
        });
    }
}
