using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Payguru.Messaging.Broker;

namespace Payguru.Messaging.Configuration;

public static class RabbitMqConfigurationExtensions
{
    /// <summary>
    /// Binds <c>RabbitMq</c> to <see cref="RabbitMqOptions"/> and validates it at start-up; with TLS, a broker
    /// certificate that is refused fails the start too (<see cref="BrokerTlsStartupCheck"/>).
    /// </summary>
    public static IServiceCollection AddRabbitMqOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RabbitMqOptions>()
            .Bind(configuration.GetSection(RabbitMqOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        services.AddHostedService<BrokerTlsStartupCheck>();
        return services;
    }

    /// <summary>Points the bus at the configured broker: its nodes, credentials, TLS and publisher confirms.</summary>
    public static void UsePayguruBroker(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions options) =>
        cfg.UsePayguruBroker(BrokerAddress.Resolve(options));

    public static void UsePayguruBroker(this IRabbitMqBusFactoryConfigurator cfg, BrokerAddress address)
    {
        var first = address.Nodes[0];
        cfg.Host(first.Host, first.Port, address.VirtualHost, h =>
        {
            h.Username(address.Username);
            h.Password(address.Password);
            // On by MassTransit's default; the gateway's answers and the outbox rely on it, so it is not left to a default.
            h.PublisherConfirmation = true;
            if (address.Nodes.Count > 1)
            {
                // Tried in order on every (re)connect, so losing the node the bus is on moves it to the next.
                h.UseCluster(cluster =>
                {
                    foreach (var node in address.Nodes)
                    {
                        cluster.Node(node.ToString());
                    }
                });
            }

            if (address.UseTls)
            {
                h.UseSsl(ssl =>
                {
                    if (address.TlsServerName is not null)
                    {
                        ssl.ServerName = address.TlsServerName;
                    }

                    if (address.ClientCertificate is not null)
                    {
                        ssl.Certificate = address.ClientCertificate;
                    }

                    ssl.CertificateValidationCallback = new BrokerCertificateValidation(address).Validate;
                });
            }
        });
    }
}
