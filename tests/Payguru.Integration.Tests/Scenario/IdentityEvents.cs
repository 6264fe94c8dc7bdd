using System.Collections.Concurrent;
using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// An internal service on the test's virtual host, connected to the broker directly: it sends
/// <see cref="RegisterOrderIdentity"/> to the processor's queue and records every identity event it receives.
/// </summary>
public sealed class IdentityEvents : IAsyncDisposable
{
    readonly IBusControl _bus;

    IdentityEvents(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<(Guid? MessageId, object Message)> Received { get; } = new();

    public static async Task<IdentityEvents> StartAsync(RabbitMqVirtualHost vhost)
    {
        IdentityEvents? events = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, RabbitMqBroker.Port, vhost.Name, h =>
            {
                h.Username(RabbitMqBroker.Username);
                h.Password(RabbitMqBroker.Password);
            });
            cfg.ReceiveEndpoint("it-identity-subscriber", e =>
            {
                e.Handler<OrderIdentityRegistered>(context => events!.Record(context));
                e.Handler<OrderIdentityRejected>(context => events!.Record(context));
                e.Handler<IdentityVerified>(context => events!.Record(context));
                e.Handler<IdentityVerificationFailed>(context => events!.Record(context));
            });
        });
        events = new IdentityEvents(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return events;
    }

    /// <summary>Sends the command to <c>queue:refund-processor-identities</c>, as an internal service does.</summary>
    public async Task RegisterAsync(string order, string tckn)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{ProcessorQueues.Identities}"));
        await endpoint.Send(new RegisterOrderIdentity(order, tckn));
    }

    /// <summary>Waits for the first <typeparamref name="T"/> that <paramref name="match"/> accepts; returns it with its message id.</summary>
    public async Task<(Guid? MessageId, T Message)> WaitForAsync<T>(Func<T, bool> match, string what, TimeSpan? timeout = null)
        where T : class
    {
        (Guid?, T) found = default;
        await Poll.WaitUntilAsync(() =>
        {
            foreach (var (messageId, message) in Received)
            {
                if (message is T typed && match(typed))
                {
                    found = (messageId, typed);
                    return true;
                }
            }

            return false;
        }, timeout ?? TimeSpan.FromSeconds(60), what);
        return found;
    }

    public IReadOnlyList<T> All<T>()
        where T : class => Received.Select(r => r.Message).OfType<T>().ToList();

    public ValueTask DisposeAsync() => new(_bus.StopAsync());

    Task Record<T>(ConsumeContext<T> context)
        where T : class
    {
        Received.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}
