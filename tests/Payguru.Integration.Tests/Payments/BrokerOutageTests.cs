using System.Net;
using Payguru.Bench.Common;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Payments;

/// <summary>Invariant 1 (docs/architecture.md) with the broker gone: a bounded 503, never OK, and Payguru's retry queues the message once.</summary>
public sealed class BrokerOutageTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    // Short, yet long enough for a confirm from a broker that is up on a busy machine (2 s was not, once).
    static readonly Dictionary<string, string?> ShortPublishTimeout = new() { ["Gateway__PublishTimeout"] = "00:00:05" };

    [Fact]
    public async Task Unreachable_broker_gives_503_within_the_publish_timeout_and_never_OK()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        proxy.Cut();
        var (gateway, client) = await new DemoSystem(vhost, directory, output).StartGatewayAsync(proxy, ShortPublishTimeout);
        await using var _ = gateway;

        var notification = new SignedNotification(Txid: 500101, Order: "ORDER-DOWN-1");
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var response = await client.GetAsync(notification.PathAndQuery);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.NotEqual("OK", await response.Content.ReadAsStringAsync());
            // The gateway's own account that the publish timeout, not an immediate failure, gave the 503.
            var timedOut = attempt;
            await Poll.WaitUntilAsync(
                () => gateway.CountOutput("The broker did not confirm PaymentAccepted") == timedOut, TimeSpan.FromSeconds(15), $"{timedOut} unconfirmed publish(es) logged");
        }

        Assert.False(await vhost.QueueExistsAsync(ProcessorQueues.Payments));
    }

    [Fact]
    public async Task Retry_after_the_broker_returns_is_OK_and_queues_the_notification_once()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var (gateway, client) = await new DemoSystem(vhost, directory, output).StartGatewayAsync(proxy, ShortPublishTimeout);
        await using var _ = gateway;

        // A first payment while the broker is up declares the queue; then the broker goes away.
        var first = await client.GetAsync(new SignedNotification(Txid: 500201, Order: "ORDER-UP-1").PathAndQuery);
        Assert.Equal("OK", await first.Content.ReadAsStringAsync());
        proxy.Cut();

        var notification = new SignedNotification(Txid: 500202, Order: "ORDER-DOWN-2");
        var refused = await client.GetAsync(notification.PathAndQuery);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        proxy.Restore();
        var retried = await Poll.WaitUntilAsync(
            async ct => await client.GetAsync(notification.PathAndQuery, ct),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the gateway to answer OK once the broker is back");

        Assert.Equal("OK", await retried.Content.ReadAsStringAsync());
        // The first payment and the retried one: the refused attempt left nothing behind.
        Assert.Equal(2, await vhost.GetMessageCountAsync(ProcessorQueues.Payments));
    }
}
