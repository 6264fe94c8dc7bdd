using System.Text.Json;
using Payguru.Integration.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Topology;

/// <summary>
/// A MassTransit envelope of a message type nobody consumes, put straight into a queue: the consumer's endpoint
/// moves it to its <c>_skipped</c> queue, which makes MassTransit declare that queue.
/// </summary>
public static class SkippedMessage
{
    public static async Task PutAsync(RabbitMqVirtualHost vhost, string queue)
    {
        var factory = new ConnectionFactory
        {
            HostName = RabbitMqBroker.Host,
            Port = RabbitMqBroker.Port,
            VirtualHost = vhost.Name,
            UserName = RabbitMqBroker.Username,
            Password = RabbitMqBroker.Password,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var messageId = Guid.NewGuid();
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId,
            messageType = new[] { "urn:message:Payguru.Tests:NobodyConsumesThis" },
            message = new { value = 1 },
        });
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = messageId.ToString(),
            ContentType = "application/vnd.masstransit+json",
        };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, envelope);
    }
}
