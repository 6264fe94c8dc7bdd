using System.Globalization;
using System.Net;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Brokers;

/// <summary>
/// RabbitMQ 3.10's nack storm on a real cluster: a channel whose first publish reaches a quorum queue while it has no
/// leader is nacked for ever, even after a new leader is elected (fixed upstream in 3.12.5). The gateway must reopen
/// its connection after repeated nacks and answer OK again instead of 503 for ever.
/// </summary>
public sealed class QuorumLeaderLossTests(BrokerCluster cluster, ITestOutputHelper output) : IClassFixture<BrokerCluster>
{
    [Fact]
    public async Task The_gateway_recovers_from_the_nack_storm_after_the_queue_leader_dies()
    {
        var nodes = cluster.Nodes;
        // The payments queue, led by node 3 (a quorum queue's leader starts on the node its declarer is connected to).
        await DeclareQuorumQueueAsync(nodes.AmqpPorts[2], ProcessorQueues.Payments);
        Assert.Equal(3, await nodes.LeaderAsync("/", ProcessorQueues.Payments));

        // Node 2 and then the leader die: node 1 alone is no majority, so the queue has no leader.
        await nodes.KillAsync(2);
        await nodes.KillAsync(3);

        using var directory = new TempDirectory();
        var url = FreePort.NextHttpUrl();
        var environment = new Dictionary<string, string?>(DemoSystem.Development)
        {
            ["RabbitMq__QueueType"] = "Quorum",
            ["Gateway__PublishTimeout"] = "00:00:05",
        };
        for (var node = 0; node < 3; node++)
        {
            environment[$"RabbitMq__Hosts__{node}"] = $"127.0.0.1:{nodes.AmqpPorts[node].ToString(CultureInfo.InvariantCulture)}";
        }

        await using var gateway = ServiceProcess.StartGateway(environment, directory.Path, output, ["--urls", url]);
        await gateway.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60));
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };

        // The gateway's first publish reaches the leaderless queue on a fresh channel: not OK.
        var notification = new SignedNotification(Txid: 700101, Order: "ORDER-NACK-STORM");
        var refused = await client.GetAsync(notification.PathAndQuery);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);

        // A majority again: a new leader is elected. Payguru retries; the channel that saw no leader keeps being nacked
        // until the gateway reopens its connection.
        await nodes.RestartAsync(2);
        var answered = await Poll.WaitUntilAsync(
            async ct => await client.GetAsync(notification.PathAndQuery, ct),
            response => response.StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90),
            "the gateway to answer OK once the payments queue has a leader again");

        Assert.Equal("OK", await answered.Content.ReadAsStringAsync());
        Assert.True(gateway.HasOutput("reopening the broker connection"), "the recovery should be the recycler's, named in the log");
        // The confirmed notification is in the queue (a quorum queue's count reaches list_queues with a lag).
        await Poll.WaitUntilAsync(
            async _ => (await nodes.CtlAsync(1, "-q", "list_queues", "name", "messages", "--no-table-headers"))
                .Split('\n')
                .Any(line => line.StartsWith(ProcessorQueues.Payments + "\t", StringComparison.Ordinal) && !line.EndsWith("\t0", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(60),
            "the payments queue to hold the confirmed notification");
    }

    static async Task DeclareQuorumQueueAsync(ushort port, string queue)
    {
        var factory = new ConnectionFactory { HostName = "127.0.0.1", Port = port };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
    }
}
