using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payguru.ErrorQueues.Broker;

/// <summary>A queue's current message count (ready messages), read with a passive declare, which changes nothing.</summary>
public static class QueueProbe
{
    const int NotFound = 404;

    /// <summary>The count, or null when the queue does not exist.</summary>
    public static async Task<uint?> MessageCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel: use one of its own.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return null;
        }
    }
}
