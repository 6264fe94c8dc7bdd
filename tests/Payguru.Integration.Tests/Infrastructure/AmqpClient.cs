using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// A plain AMQP connection to a test virtual host, for putting messages straight into a queue and looking at
/// what a queue holds (taken without acknowledging and handed back, so the queue is left as it was).
/// </summary>
public sealed class AmqpClient : IAsyncDisposable
{
    private readonly IConnection _connection;

    private AmqpClient(IConnection connection) => _connection = connection;

    public static async Task<AmqpClient> OpenAsync(RabbitMqVirtualHost vhost)
    {
        var factory = new ConnectionFactory
        {
            HostName = RabbitMqBroker.Host,
            Port = RabbitMqBroker.Port,
            VirtualHost = vhost.Name,
            UserName = RabbitMqBroker.Username,
            Password = RabbitMqBroker.Password,
        };
        return new AmqpClient(await factory.CreateConnectionAsync());
    }

    /// <summary>Declares a durable classic queue, as a MassTransit endpoint does by default.</summary>
    public async Task DeclareQueueAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    public async Task DeleteQueueAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    /// <summary>Puts a persistent message into <paramref name="queue"/> through the default exchange, confirmed by the broker.</summary>
    public async Task PutAsync(string queue, BasicProperties properties, byte[] body)
    {
        await using var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        properties.Persistent = true;
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, body);
    }

    /// <summary>Every message <paramref name="queue"/> holds, in order, with properties and body; the queue keeps them.</summary>
    public async Task<IReadOnlyList<QueuedMessage>> PeekAllAsync(string queue)
    {
        await using var channel = await _connection.CreateChannelAsync();
        var messages = new List<QueuedMessage>();
        ulong lastTag = 0;
        while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
        {
            lastTag = message.DeliveryTag;
            messages.Add(new QueuedMessage(new BasicProperties(message.BasicProperties), message.Body.ToArray()));
        }

        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true);
        }

        return messages;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}

/// <summary>One message as a queue holds it.</summary>
public sealed record QueuedMessage(IReadOnlyBasicProperties Properties, byte[] Body)
{
    /// <summary>The application's headers (MassTransit's MT-*, …) as text, without the ones the broker adds (x-…).</summary>
    public IReadOnlyDictionary<string, string> ApplicationHeaders =>
        (Properties.Headers ?? new Dictionary<string, object?>())
        .Where(header => !header.Key.StartsWith("x-", StringComparison.Ordinal))
        .ToDictionary(header => header.Key, header => header.Value switch
        {
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        });
}
