using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Options;

namespace Payguru.Gateway.Publishing;

/// <summary>
/// Publishes a message and reports whether it is safely queued: confirmed by the broker
/// (publisher confirms) and routed to a queue (mandatory flag, so an unroutable message comes
/// back instead of vanishing), within <see cref="GatewayOptions.PublishTimeout"/>. While the
/// broker is down a MassTransit publish waits for the connection; the timeout bounds that wait.
/// </summary>
public sealed class ConfirmedPublisher(
    IBus bus,
    IOptions<GatewayOptions> options,
    ILogger<ConfirmedPublisher> logger)
{
    public async Task<PublishOutcome> PublishAsync(object message, Guid messageId, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await bus.Publish(message, message.GetType(), context =>
            {
                context.MessageId = messageId;
                context.Mandatory = true;
            }, timeout.Token);
            return PublishOutcome.Queued;
        }
        catch (MessageReturnedException)
        {
            logger.LogError("The broker returned {MessageType} {MessageId}: no queue is bound to its exchange", message.GetType().Name, messageId);
            return PublishOutcome.Unroutable;
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            logger.LogWarning("The broker did not confirm {MessageType} {MessageId} within {Timeout}", message.GetType().Name, messageId, options.Value.PublishTimeout);
            return PublishOutcome.BrokerUnavailable;
        }
        catch (Exception exception) when (exception is MassTransitException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            logger.LogWarning("Publishing {MessageType} {MessageId} failed: {Error}", message.GetType().Name, messageId, exception.Message);
            return PublishOutcome.BrokerUnavailable;
        }
    }
}
