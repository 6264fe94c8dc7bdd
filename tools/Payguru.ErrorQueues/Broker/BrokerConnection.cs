using Payguru.ErrorQueues.Configuration;
using RabbitMQ.Client;

namespace Payguru.ErrorQueues.Broker;

/// <summary>The AMQP connection the commands read and move messages on.</summary>
public static class BrokerConnection
{
    public static Task<IConnection> OpenAsync(BrokerSettings settings, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = settings.RabbitMq.Host,
            Port = settings.RabbitMq.Port,
            VirtualHost = settings.RabbitMq.VirtualHost,
            UserName = settings.RabbitMq.Username,
            Password = settings.RabbitMq.Password,
            ClientProvidedName = "Payguru.ErrorQueues",
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }
}
