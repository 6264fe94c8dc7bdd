using Payguru.ErrorQueues.Broker;
using Payguru.ErrorQueues.Cli;
using Payguru.ErrorQueues.Configuration;
using Payguru.ErrorQueues.Messages;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payguru.ErrorQueues.Commands;

/// <summary>
/// <c>replay &lt;queue&gt;_error [--count N]</c>: moves messages back to the queue they failed in, one at a time.
/// Each is republished as it is (body, headers, message id, content type and every other property) to that
/// queue through the default exchange, mandatory and with publisher confirms, and acknowledged in the error
/// queue only once the broker confirmed the copy. A crash in between leaves it in both queues (at least once;
/// the consumers' inbox drops the second); it is never in neither.
/// </summary>
public static class ReplayCommand
{
    public static async Task<int> RunAsync(BrokerSettings settings, ReplayErrorQueue command, TextWriter output, CancellationToken cancellationToken)
    {
        var errorQueue = command.Queue.Name;
        var target = command.Queue.SourceQueue;
        await using var connection = await BrokerConnection.OpenAsync(settings, cancellationToken);
        var available = await QueueProbe.MessageCountAsync(connection, errorQueue, cancellationToken)
            ?? throw new BrokerException($"Queue '{errorQueue}' does not exist in {settings.Describe()}; nothing was moved.");
        if (await QueueProbe.MessageCountAsync(connection, target, cancellationToken) is null)
        {
            throw new BrokerException(
                $"Queue '{target}', where the messages of '{errorQueue}' failed, does not exist in {settings.Describe()} " +
                "(start the service that consumes it first); nothing was moved.");
        }

        // What the queue holds now, so that messages failing again while the replay runs are not replayed in a loop.
        var wanted = Math.Min((long)available, command.Count ?? long.MaxValue);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);

        var moved = 0;
        while (moved < wanted && await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken) is { } message)
        {
            var failed = FailedMessage.From(message.BasicProperties, message.Body);
            try
            {
                // Completes when the broker confirmed the message into the queue; throws if it was returned or refused.
                await channel.BasicPublishAsync(
                    exchange: "", routingKey: target, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, cancellationToken);
            }
            catch (PublishException e)
            {
                await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true, CancellationToken.None);
                var why = e is PublishReturnException ? "returned it: no such queue" : "did not confirm it";
                throw new BrokerException(
                    $"The broker {why} for message {failed.MessageId} ({target}); it stays in '{errorQueue}'. {moved} message(s) were moved before it.", e);
            }

            // Confirmed: the copy is safe, so this ack must happen even if Ctrl-C came meanwhile.
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, CancellationToken.None);
            moved++;
            await output.WriteLineAsync($"  {failed.MessageType}  id {failed.MessageId}");
        }

        var left = await QueueProbe.MessageCountAsync(connection, errorQueue, CancellationToken.None);
        await output.WriteLineAsync($"Moved {moved} message(s) from {errorQueue} back to {target}; {left} left in {errorQueue}.");
        return 0;
    }
}
