using System.Net;
using Payguru.Provider.Signing;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Identity;

/// <summary>
/// Invariant 1 (docs/architecture.md) for Payguru's identity reports on a fresh broker: <c>OK</c> means queued in
/// <c>refund-processor-identity-results</c> even before the processor ever ran, which takes it once it runs.
/// </summary>
public sealed class IdentityFreshBrokerTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Report_accepted_before_the_processor_ever_ran_is_queued_and_taken_when_it_starts()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var (gateway, client) = await system.StartGatewayAsync();
        await using var _ = gateway;
        var report = "/TCKNVerifyService?txid=600001&code=PG-600001&order=ORDER-FRESH-ID&amount=25.00&transaction_date=2018-01-18%2013:48:39" +
            $"&bank=ziraatbank&bank_no=10&notification_type=verified&key={PayguruKeys.TcknVerify(Demo.Service, Demo.Merchant, "ORDER-FRESH-ID")}";

        var response = await client.GetAsync(report);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync());
        var queue = await vhost.GetQueueAsync(ProcessorQueues.IdentityResults);
        Assert.NotNull(queue);
        Assert.True(queue.Durable);
        Assert.Equal(1, queue.Messages);

        await using var processor = await system.StartProcessorAsync();
        await processor.WaitForOutputAsync("Identity of order ORDER-FRESH-ID verified by Payguru (txid 600001)", TimeSpan.FromSeconds(30));
        await vhost.WaitForQueueAsync(ProcessorQueues.IdentityResults, q => q.Messages == 0, TimeSpan.FromSeconds(30));
    }
}
