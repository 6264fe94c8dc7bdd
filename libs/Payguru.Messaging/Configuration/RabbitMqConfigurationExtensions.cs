using System.Reflection;
using MassTransit;
using MassTransit.RabbitMqTransport.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Payguru.Messaging.Broker;
using Payguru.Messaging.Publishing;

namespace Payguru.Messaging.Configuration;

public static class RabbitMqConfigurationExtensions
{
    /// <summary>With TLS, a broker certificate that is refused fails the start too (<see cref="BrokerTlsCheck"/>).</summary>
    public static IServiceCollection AddRabbitMqOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<RabbitMqOptions, RabbitMqOptionsValidator>()
            .Bind(configuration.GetSection(RabbitMqOptions.SectionName));
        services.AddHostedService<BrokerTlsCheck>();
        services.AddSingleton<BrokerConnectionRecycler>();
        return services;
    }

    /// <summary>With <paramref name="recycler"/> the bus reopens its connection when the broker keeps nacking.</summary>
    public static void UsePayguruBroker(this IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions options, BrokerConnectionRecycler? recycler = null)
    {
        var address = BrokerAddress.Resolve(options);
        var first = address.Nodes[0];
        // The connection is named after the service (shown in the broker's connection list).
        var host = new RabbitMqHostConfigurator(first.Host, address.VirtualHost, first.Port, Assembly.GetEntryAssembly()?.GetName().Name ?? "Payguru");
        host.Username(address.Username);
        host.Password(address.Password);
        // On by MassTransit's default; the gateway's answers and the outbox rely on it, so it is not left to a default.
        host.PublisherConfirmation = true;
        if (address.Nodes.Count > 1)
        {
            // Tried in order on every (re)connect, so losing the node the bus is on moves it to the next.
            host.UseCluster(cluster =>
            {
                foreach (var node in address.Nodes)
                {
                    cluster.Node(node.ToString());
                }
            });
        }

        if (address.UseTls)
        {
            host.UseSsl(ssl =>
            {
                ssl.ServerName = address.TlsServerName ?? ssl.ServerName;
                ssl.Certificate = address.ClientCertificate ?? ssl.Certificate;
                ssl.CertificateValidationCallback = new BrokerCertificateValidation(address).Validate;
            });
        }

        if (recycler is not null)
        {
            // Called before every (re)connect: the connection's socket comes from the recycler, which can close it.
            host.OnRefreshConnectionFactory = factory =>
            {
                factory.SocketFactory = recycler.CreateSocket;
                return Task.CompletedTask;
            };
            var observer = new NackedPublishObserver(recycler);
            cfg.ConnectPublishObserver(observer);
            cfg.ConnectSendObserver(observer);
        }

        cfg.Host(host.Settings);
    }
}
