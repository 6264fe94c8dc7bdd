using MassTransit;

namespace OrderService.Cli;

/// <summary>
/// One command's round trip on the bus, shared by the one-shot commands: a queue of this run's own (on RabbitMQ not
/// durable, deleted when it disconnects) bound to the command's two outcomes and ready before the command goes, so no
/// answer can be missed; then the first outcome that is this command's.
/// </summary>
public static class CommandRoundTrip
{
    /// <summary>
    /// Publishes <paramref name="command"/>, calls <paramref name="published"/>, and returns the first
    /// <typeparamref name="TAccepted"/> or <typeparamref name="TRejected"/> that <paramref name="isMine"/> claims, or null
    /// when none came within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<object?> PublishAndAwaitAsync<TCommand, TAccepted, TRejected>(
        IBus bus,
        string queueName,
        TCommand command,
        Func<TAccepted, bool> acceptedIsMine,
        Func<TRejected, bool> rejectedIsMine,
        TimeSpan timeout,
        Func<Task> published)
        where TCommand : class
        where TAccepted : class
        where TRejected : class
    {
        var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var waiting = new CancellationTokenSource(timeout);
        var replies = bus.ConnectReceiveEndpoint(queueName, endpoint =>
        {
            OrderServiceBus.RunOnly(endpoint);
            endpoint.Handler<TAccepted>(context => Complete(acceptedIsMine(context.Message), context.Message));
            endpoint.Handler<TRejected>(context => Complete(rejectedIsMine(context.Message), context.Message));
        });
        try
        {
            await replies.Ready.WaitAsync(waiting.Token);
            await bus.Publish(command, waiting.Token);
            await published();
            return await outcome.Task.WaitAsync(waiting.Token);
        }
        catch (OperationCanceledException) when (waiting.IsCancellationRequested)
        {
            return null;
        }
        finally
        {
            await replies.StopAsync(CancellationToken.None);
        }

        Task Complete(bool mine, object message)
        {
            if (mine)
            {
                outcome.TrySetResult(message);
            }

            return Task.CompletedTask;
        }
    }
}
