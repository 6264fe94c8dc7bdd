using System.Collections.Concurrent;
using MassTransit;
using Payguru.Contracts.Refunds;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// An internal service on the test's virtual host, connected to the broker directly: it sends
/// <see cref="RequestRefund"/> to the processor's queue and records every refund event it receives.
/// </summary>
public sealed class RefundEvents : IAsyncDisposable
{
    readonly IBusControl _bus;

    RefundEvents(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<(Guid? MessageId, RefundSubmitted Message)> Submitted { get; } = new();

    public ConcurrentQueue<(Guid? MessageId, RefundRejected Message)> Rejected { get; } = new();

    public ConcurrentQueue<(Guid? MessageId, RefundSettled Message)> Settled { get; } = new();

    public static async Task<RefundEvents> StartAsync(RabbitMqVirtualHost vhost)
    {
        RefundEvents? events = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, RabbitMqBroker.Port, vhost.Name, h =>
            {
                h.Username(RabbitMqBroker.Username);
                h.Password(RabbitMqBroker.Password);
            });
            cfg.ReceiveEndpoint("it-refund-subscriber", e =>
            {
                e.Handler<RefundSubmitted>(context => Record(events!.Submitted, context));
                e.Handler<RefundRejected>(context => Record(events!.Rejected, context));
                e.Handler<RefundSettled>(context => Record(events!.Settled, context));
            });
        });
        events = new RefundEvents(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return events;
    }

    /// <summary>Sends the command to <c>queue:refund-processor-refunds</c>, as an internal service does.</summary>
    public async Task SendAsync(RequestRefund request)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{ProcessorQueues.Refunds}"));
        await endpoint.Send(request);
    }

    public Task PublishAsync<T>(T message)
        where T : class => _bus.Publish(message);

    public async Task<RefundSubmitted> WaitForSubmittedAsync(Guid requestId, TimeSpan? timeout = null) =>
        await WaitForAsync(Submitted, m => m.RefundRequestId == requestId, timeout, $"RefundSubmitted of {requestId}");

    public async Task<RefundRejected> WaitForRejectedAsync(Guid requestId, TimeSpan? timeout = null) =>
        await WaitForAsync(Rejected, m => m.RefundRequestId == requestId, timeout, $"RefundRejected of {requestId}");

    public async Task<RefundSettled> WaitForSettledAsync(long refundId, int status, TimeSpan? timeout = null) =>
        await WaitForAsync(Settled, m => m.RefundId == refundId && m.Status == status, timeout, $"RefundSettled of refund {refundId} at {status}");

    public int CountSubmitted(Guid requestId) => Submitted.Count(e => e.Message.RefundRequestId == requestId);

    public ValueTask DisposeAsync() => new(_bus.StopAsync());

    static async Task<T> WaitForAsync<T>(ConcurrentQueue<(Guid? MessageId, T Message)> queue, Func<T, bool> match, TimeSpan? timeout, string what)
    {
        T? found = default;
        await Poll.WaitUntilAsync(_ =>
        {
            foreach (var (_, message) in queue)
            {
                if (match(message))
                {
                    found = message;
                    return Task.FromResult(true);
                }
            }

            return Task.FromResult(false);
        }, timeout ?? TimeSpan.FromSeconds(60), what);
        return found!;
    }

    static Task Record<T>(ConcurrentQueue<(Guid?, T)> queue, ConsumeContext<T> context)
        where T : class
    {
        queue.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}
