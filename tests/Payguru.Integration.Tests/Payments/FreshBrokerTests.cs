using System.Net;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Payments;

/// <summary>Invariant 1 (docs/architecture.md) on a fresh broker: OK means queued, even before the processor ever ran.</summary>
public sealed class FreshBrokerTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Notification_accepted_before_the_processor_ever_ran_is_recorded_when_it_starts()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var (gateway, client) = await system.StartGatewayAsync();
        await using var _ = gateway;

        var notification = new SignedNotification(Txid: 500001, Order: "ORDER-FRESH-1");
        var response = await client.GetAsync(notification.PathAndQuery);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var queue = await vhost.GetQueueAsync(ProcessorQueues.Payments);
        Assert.NotNull(queue);
        Assert.True(queue.Durable);
        Assert.Equal(1, queue.Messages);
        Assert.False(system.Sqlite.DatabaseExists);

        await using var processor = await system.StartProcessorAsync();

        await system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(30));
        var rows = await system.Database.QueryAsync(
            "SELECT txid, payguru_code, order_ref, amount, service_code, transaction_time FROM payments");
        var row = Assert.Single(rows);
        Assert.Equal(500001L, row["txid"]);
        Assert.Equal("PG-500001", row["payguru_code"]);
        Assert.Equal("ORDER-FRESH-1", row["order_ref"]);
        Assert.Equal("10.50", row["amount"]);
        Assert.Equal("DEMO", row["service_code"]);
        Assert.Equal("2018-01-18T13:48:39.0000000+03:00", row["transaction_time"]);
        await vhost.WaitForQueueAsync(ProcessorQueues.Payments, q => q.Messages == 0, TimeSpan.FromSeconds(30));
    }
}
