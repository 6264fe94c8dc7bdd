using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Topology;

/// <summary>
/// <c>GroupCommit:PrefetchCount</c> on a real broker: the processor's consumers on the group-committed queues take
/// that many unacknowledged messages (so a group can grow to it), and the other queues keep MassTransit's default.
/// </summary>
public sealed class GroupCommitPrefetchTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    [Theory]
    [InlineData(null, 64)]
    [InlineData("40", 40)]
    public async Task The_group_committed_queues_consumers_take_the_configured_prefetch_and_the_others_do_not(string? setting, int expected)
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var settings = setting is null ? null : new Dictionary<string, string?> { ["GroupCommit__PrefetchCount"] = setting };

        await using var processor = await system.StartProcessorAsync(settings: settings);
        var endpoints = ProcessorTopology.Endpoints.Select(e => e.Queue).ToList();
        var prefetch = await Poll.WaitUntilAsync(
            token => ConsumerPrefetchAsync(vhost, token),
            consumers => endpoints.All(consumers.ContainsKey),
            TimeSpan.FromSeconds(60),
            "a consumer on every processor endpoint",
            TimeSpan.FromMilliseconds(500));

        foreach (var endpoint in ProcessorTopology.Endpoints)
        {
            if (endpoint.IsGroupCommitted)
            {
                Assert.Equal(expected, prefetch[endpoint.Queue]);
            }
            else
            {
                Assert.NotEqual(expected, prefetch[endpoint.Queue]);
            }
        }

        Assert.False(processor.HasExited, processor.OutputText);
    }

    static async Task<IReadOnlyDictionary<string, int>> ConsumerPrefetchAsync(RabbitMqVirtualHost vhost, CancellationToken cancellationToken)
    {
        var listing = await RabbitMqCtl.RunAsync(
            ["list_consumers", "-p", vhost.Name, "--no-table-headers", "--quiet", "queue_name", "prefetch_count"], cancellationToken);
        return listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 2)
            .GroupBy(fields => fields[0])
            .ToDictionary(group => group.Key, group => int.Parse(group.First()[1]));
    }
}
