using MassTransit;
using Microsoft.Extensions.Options;
using Payguru.Gateway.Options;

namespace Payguru.Gateway.Publishing;

/// <summary>
/// Publishes an event or a command and reports whether it is safely queued: confirmed by
/// the broker (publisher confirms) and routed to a queue (mandatory flag, so an unroutable
/// message comes back instead of vanishing), within <see cref="GatewayOptions.PublishTimeout"/>.
/// While the broker is down a MassTransit publish waits for the connection; the timeout
/// bounds that wait.
/// </summary>
public sealed class ConfirmedPublisher(
    IBus bus,
    IOptions<GatewayOptions> options,
    ILogger<ConfirmedPublisher> logger)
{
    /// <summary>Publishes <paramref name="message"/> to its message type's exchange.</summary>
    public Task<PublishOutcome> PublishAsync(object message, Guid messageId, CancellationToken requestAborted) =>
        DeliverAsync(message, messageId, requestAborted, token => bus.Publish(message, message.GetType(), context =>
        {
            context.MessageId = messageId;
            context.Mandatory = true;
        }, token));

    /// <summary>The one place that turns the broker's answer (or silence) into a <see cref="PublishOutcome"/>.</summary>
    async Task<PublishOutcome> DeliverAsync(
        object message, Guid messageId, CancellationToken requestAborted, Func<CancellationToken, Task> deliver)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await deliver(timeout.Token);
            return PublishOutcome.Queued;
        }
        catch (MessageReturnedException)
        {
            PublishingLog.Returned(logger, message.GetType().Name, messageId);
            return PublishOutcome.Unroutable;
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            PublishingLog.NotConfirmed(logger, message.GetType().Name, messageId, options.Value.PublishTimeout);
            return PublishOutcome.BrokerUnavailable;
        }
        catch (Exception exception) when (exception is MassTransitException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            PublishingLog.Failed(logger, message.GetType().Name, messageId, exception.Message);
            return PublishOutcome.BrokerUnavailable;
        }
    }
}
