using Payguru.ErrorQueues.Broker;
using Payguru.ErrorQueues.Cli;
using Payguru.ErrorQueues.Configuration;
using Payguru.ErrorQueues.Messages;

namespace Payguru.ErrorQueues.Commands;

/// <summary>
/// <c>list</c>: every <c>*_error</c> queue of the virtual host with its message count and, per message, its
/// type, id and fault headers. Messages are taken without acknowledging and handed back at once (nack with
/// requeue), so the queue is left as it was.
/// </summary>
public static class ListCommand
{
    /// <summary>More than this per queue is counted, not shown.</summary>
    public const int MaxShownPerQueue = 50;

    public static async Task<int> RunAsync(BrokerSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> queues;
        using (var api = new ManagementApi(settings))
        {
            queues = (await api.ListQueueNamesAsync(cancellationToken)).Where(ErrorQueueName.IsErrorQueue).Order(StringComparer.Ordinal).ToList();
        }

        if (queues.Count == 0)
        {
            await output.WriteLineAsync($"No _error queues in {settings.Describe()}.");
            return 0;
        }

        await using var connection = await BrokerConnection.OpenAsync(settings, cancellationToken);
        foreach (var queue in queues)
        {
            if (await QueueProbe.MessageCountAsync(connection, queue, cancellationToken) is not { } count)
            {
                continue; // deleted since it was listed
            }

            await output.WriteLineAsync($"{queue}: {count} message(s)");
            var shown = await ShowMessagesAsync(connection, queue, (int)Math.Min(count, MaxShownPerQueue), output, cancellationToken);
            if (count > shown)
            {
                await output.WriteLineAsync($"  … and {count - shown} more");
            }
        }

        return 0;
    }

    static async Task<int> ShowMessagesAsync(
        RabbitMQ.Client.IConnection connection, string queue, int limit, TextWriter output, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var shown = 0;
        ulong lastTag = 0;
        while (shown < limit && await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } message)
        {
            lastTag = message.DeliveryTag;
            shown++;
            var failed = FailedMessage.From(message.BasicProperties, message.Body);
            await output.WriteLineAsync($"  {failed.MessageType}  id {failed.MessageId}");
            await output.WriteLineAsync($"    {FailedMessage.ReasonHeader}: {failed.Reason}  {FailedMessage.FaultMessageHeader}: {failed.FaultMessage}");
        }

        if (lastTag > 0)
        {
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, CancellationToken.None);
        }

        return shown;
    }
}
