using System.Net;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Payments;

/// <summary>
/// Invariant 1 (docs/architecture.md) when no queue would take the message: the broker returns it (mandatory flag)
/// instead of dropping it, the gateway answers 503, and Payguru's retry finds the queue declared again.
/// </summary>
public sealed class UnroutableNotificationTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Notification_with_no_queue_bound_gets_503_and_the_retry_is_queued()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var (gateway, client) = await new DemoSystem(vhost, directory, output).StartGatewayAsync();
        await using var _ = gateway;

        var first = await client.GetAsync(new SignedNotification(Txid: 500401, Order: "ORDER-ROUTE-1").PathAndQuery);
        Assert.Equal("OK", await first.Content.ReadAsStringAsync());

        // Someone deletes the processor's queue while the gateway runs: the exchange now routes nowhere.
        await RabbitMqCtl.RunAsync(["delete_queue", "-p", vhost.Name, ProcessorQueues.Payments]);
        var notification = new SignedNotification(Txid: 500402, Order: "ORDER-ROUTE-2");

        var returned = await client.GetAsync(notification.PathAndQuery);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, returned.StatusCode);
        Assert.NotEqual("OK", await returned.Content.ReadAsStringAsync());

        var retried = await client.GetAsync(notification.PathAndQuery);

        Assert.Equal("OK", await retried.Content.ReadAsStringAsync());
        Assert.Equal(1, await vhost.GetMessageCountAsync(ProcessorQueues.Payments));
    }
}
