using System.Security.Cryptography.X509Certificates;
using Payguru.ErrorQueues.Configuration;
using Payguru.Messaging.Broker;
using RabbitMQ.Client;

namespace Payguru.ErrorQueues.Broker;

/// <summary>The AMQP connection the commands read and move messages on: the first cluster member that answers, TLS as configured.</summary>
public static class BrokerConnection
{
    public static Task<IConnection> OpenAsync(BrokerSettings settings, CancellationToken cancellationToken)
    {
        var broker = settings.Broker;
        var factory = new ConnectionFactory
        {
            VirtualHost = broker.VirtualHost,
            UserName = broker.Username,
            Password = broker.Password,
            ClientProvidedName = "Payguru.ErrorQueues",
        };
        var endpoints = broker.Nodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, Tls(broker, node))).ToList();
        return factory.CreateConnectionAsync(endpoints, cancellationToken);
    }

    static SslOption Tls(BrokerAddress broker, BrokerNode node)
    {
        if (!broker.UseTls)
        {
            return new SslOption { Enabled = false };
        }

        return new SslOption
        {
            Enabled = true,
            ServerName = broker.TlsServerName ?? node.Host,
            CertificateValidationCallback = new BrokerCertificateValidation(broker).Validate,
            Certs = broker.ClientCertificate is null ? null : new X509CertificateCollection { broker.ClientCertificate },
        };
    }
}
