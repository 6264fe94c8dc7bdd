using System.Collections.Concurrent;
using MassTransit;
using Payguru.Contracts.Paywall;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Scenario;

/// <summary>
/// An internal service on the test's virtual host: it sends <see cref="RegisterSubMerchant"/> to the processor's
/// queue and records every sub-merchant event it receives, with its message id.
/// </summary>
public sealed class SubMerchantEvents : IAsyncDisposable
{
    readonly IBusControl _bus;

    SubMerchantEvents(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<(Guid? MessageId, SubMerchantRegistered Message)> Registered { get; } = new();

    public ConcurrentQueue<(Guid? MessageId, SubMerchantRejected Message)> Rejected { get; } = new();

    public static async Task<SubMerchantEvents> StartAsync(RabbitMqVirtualHost vhost)
    {
        SubMerchantEvents? events = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(RabbitMqBroker.Host, RabbitMqBroker.Port, vhost.Name, h =>
            {
                h.Username(RabbitMqBroker.Username);
                h.Password(RabbitMqBroker.Password);
            });
            cfg.ReceiveEndpoint("it-sub-merchant-subscriber", e =>
            {
                e.Handler<SubMerchantRegistered>(context => Record(events!.Registered, context));
                e.Handler<SubMerchantRejected>(context => Record(events!.Rejected, context));
            });
        });
        events = new SubMerchantEvents(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return events;
    }

    /// <summary>Sends the command to <c>queue:refund-processor-sub-merchants</c>, as an internal service does.</summary>
    public async Task SendAsync(RegisterSubMerchant command)
    {
        var endpoint = await _bus.GetSendEndpoint(new Uri($"queue:{ProcessorQueues.SubMerchants}"));
        await endpoint.Send(command);
    }

    public Task<(Guid? MessageId, SubMerchantRegistered Message)> WaitForRegisteredAsync(string externalId, int count = 1, TimeSpan? timeout = null) =>
        WaitForAsync(Registered, m => m.MemberExternalId == externalId, count, timeout, $"{count} SubMerchantRegistered of {externalId}");

    public Task<(Guid? MessageId, SubMerchantRejected Message)> WaitForRejectedAsync(string externalId, TimeSpan? timeout = null) =>
        WaitForAsync(Rejected, m => m.MemberExternalId == externalId, 1, timeout, $"SubMerchantRejected of {externalId}");

    public ValueTask DisposeAsync() => new(_bus.StopAsync());

    /// <summary>The seed's member with a valid IBAN and TCKN under <paramref name="externalId"/>.</summary>
    public static RegisterSubMerchant Member(string externalId) => new(
        externalId, 1, "Intranet Technology", "Intranet Technology Yazılım A.S", "Besiktas", "4651176935", "10000000146",
        "member@paywall.one", "5554443322", "test adresi", "Member Name", "Lastname",
        [new SubMerchantBankAccount(1, "Ünvan", Demo.Iban)], new SubMerchantValueDate(1, 10, 10));

    static async Task<(Guid? MessageId, T Message)> WaitForAsync<T>(
        ConcurrentQueue<(Guid? MessageId, T Message)> queue, Func<T, bool> match, int count, TimeSpan? timeout, string what)
    {
        var found = await Poll.WaitUntilAsync(
            _ => Task.FromResult(queue.Where(e => match(e.Message)).ToList()),
            matches => matches.Count >= count,
            timeout ?? TimeSpan.FromSeconds(60),
            what);
        return found[count - 1];
    }

    static Task Record<T>(ConcurrentQueue<(Guid?, T)> queue, ConsumeContext<T> context)
        where T : class
    {
        queue.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }
}
