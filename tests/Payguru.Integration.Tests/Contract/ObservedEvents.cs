using System.Collections.Concurrent;
using MassTransit;
using Payguru.Contracts.Identity;
using Payguru.Contracts.Paywall;
using Payguru.Contracts.Refunds;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Contract;

/// <summary>Every outcome event a bus delivers to a subscriber of its own, with its message id: the same code on both sides.</summary>
public sealed class ObservedEvents
{
    readonly ConcurrentQueue<(Guid? MessageId, object Message)> _events = new();

    ObservedEvents()
    {
    }

    public static async Task<ObservedEvents> StartAsync(IBus bus)
    {
        var observed = new ObservedEvents();
        var handle = bus.ConnectReceiveEndpoint($"it-contract-observer-{Guid.NewGuid():N}", endpoint =>
        {
            observed.Record<RefundSubmitted>(endpoint);
            observed.Record<RefundRejected>(endpoint);
            observed.Record<RefundSettled>(endpoint);
            observed.Record<OrderIdentityRegistered>(endpoint);
            observed.Record<OrderIdentityRejected>(endpoint);
            observed.Record<SubMerchantRegistered>(endpoint);
            observed.Record<SubMerchantRejected>(endpoint);
        });
        await handle.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return observed;
    }

    /// <summary>Waits for the <paramref name="nth"/> event (1-based) that <paramref name="match"/>es.</summary>
    public async Task<(Guid? MessageId, object Message)> WaitForAsync(Func<object, bool> match, int nth, string what)
    {
        (Guid? MessageId, object Message) found = default;
        await Poll.WaitUntilAsync(() =>
        {
            var matches = _events.Where(e => match(e.Message)).ToList();
            if (matches.Count >= nth)
            {
                found = matches[nth - 1];
                return true;
            }

            return false;
        }, TimeSpan.FromSeconds(90), what);
        return found;
    }

    public int Count(Func<object, bool> match) => _events.Count(e => match(e.Message));

    void Record<T>(IReceiveEndpointConfigurator endpoint)
        where T : class =>
        endpoint.Handler<T>(context =>
        {
            _events.Enqueue((context.MessageId, context.Message));
            return Task.CompletedTask;
        });
}
