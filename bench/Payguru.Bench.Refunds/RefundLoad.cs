using System.Collections.Concurrent;
using MassTransit;
using Payguru.Bench.Common;
using Payguru.Contracts.Refunds;
using Payguru.Messaging.Configuration;

namespace Payguru.Bench.Refunds;

/// <summary>
/// An internal service on one virtual host: it sends <see cref="RequestRefund"/> to
/// <c>queue:refund-processor-refunds</c> from its own MassTransit bus and subscribes to
/// <see cref="RefundSubmitted"/> and <see cref="RefundRejected"/> on a queue of its own. One
/// operation of the load is one request, from its send until its event arrives.
/// </summary>
public sealed class RefundLoad : IAsyncDisposable
{
    public const string EventsQueue = "bench-refund-events";

    readonly ConcurrentDictionary<Guid, TaskCompletionSource<string?>> pending = new();
    IBusControl? bus;
    ISendEndpoint? requests;
    long unmatched;

    RefundLoad()
    {
    }

    /// <summary>Events whose request was not (or no longer) waited for: duplicates, or answers after a timeout.</summary>
    public long Unmatched => Interlocked.Read(ref unmatched);

    public static async Task<RefundLoad> StartAsync(string host, ushort port, string virtualHost, CancellationToken cancellationToken)
    {
        var load = new RefundLoad();
        load.bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.UsePayguruBroker(new RabbitMqOptions { Host = host, Port = port, VirtualHost = virtualHost });
            cfg.ReceiveEndpoint(EventsQueue, e =>
            {
                e.Handler<RefundSubmitted>(context => load.Answer(context.Message.RefundRequestId, null));
                e.Handler<RefundRejected>(context => load.Answer(
                    context.Message.RefundRequestId,
                    $"RefundRejected {context.Message.Reason} {context.Message.ProviderCode}: {context.Message.Message}"));
            });
        });
        await load.bus.StartAsync(cancellationToken);
        load.requests = await load.bus.GetSendEndpoint(new Uri($"queue:{RefundEndpoints.RequestRefundQueue}"));
        return load;
    }

    /// <summary>
    /// Requests refunds first..first+count-1 at <paramref name="concurrency"/>; success is a
    /// RefundSubmitted. When as many requests as are in flight got no answer within
    /// <paramref name="timeout"/>, the system has stopped answering and the load ends with
    /// <see cref="NoAnswerException"/>.
    /// </summary>
    public async Task<LoadResult> RunAsync(
        BenchRefunds refunds, int first, int count, int concurrency, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Built before the clock starts.
        var messages = new RequestRefund[count];
        for (var i = 0; i < count; i++)
        {
            messages[i] = refunds.Request(first + i);
        }

        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var unanswered = 0;

        async Task<string?> RequestAsync(int i, CancellationToken ct)
        {
            var message = messages[i];
            var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[message.RefundRequestId] = answer;
            try
            {
                await requests!.Send(message, ct);
                return await answer.Task.WaitAsync(timeout, ct);
            }
            catch (TimeoutException)
            {
                if (Interlocked.Increment(ref unanswered) >= concurrency)
                {
                    await giveUp.CancelAsync();
                }

                return $"no event within {timeout.TotalSeconds:F0} s";
            }
            finally
            {
                pending.TryRemove(message.RefundRequestId, out _);
            }
        }

        try
        {
            return await ConcurrentLoad.RunAsync(count, concurrency, RequestAsync, giveUp.Token);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new NoAnswerException($"{unanswered} refund requests got no RefundSubmitted or RefundRejected within {timeout.TotalSeconds:F0} s; gave up");
        }
    }

    Task Answer(Guid requestId, string? failure)
    {
        if (pending.TryRemove(requestId, out var answer))
        {
            answer.TrySetResult(failure);
        }
        else
        {
            Interlocked.Increment(ref unmatched);
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (bus is not null)
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

/// <summary>The system stopped answering refund requests; the benchmark could not run.</summary>
public sealed class NoAnswerException(string message) : Exception(message);
