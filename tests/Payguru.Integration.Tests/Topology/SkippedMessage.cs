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
        await using var client = await AmqpClient.OpenAsync(vhost);
        var messageId = Guid.NewGuid();
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId,
            messageType = new[] { "urn:message:Payguru.Tests:NobodyConsumesThis" },
            message = new { value = 1 },
        });
        await client.PutAsync(
            queue, new BasicProperties { MessageId = messageId.ToString(), ContentType = "application/vnd.masstransit+json" }, envelope);
    }
}
