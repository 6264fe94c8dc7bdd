using Payguru.Contracts.Ids;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Integration.Tests.Scenario;
using Payguru.Integration.Tests.Topology;
using Payguru.Messaging.Topology;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Operations;

/// <summary>
/// A payment the real processor cannot record (its payments table is gone) ends in MassTransit's
/// <c>_error</c> queue; <c>list</c> shows it without its body; once the cause is fixed, <c>replay</c> moves it
/// back unchanged and the processor records it. On quorum queues, as production runs them.
/// </summary>
public sealed class ErrorQueueReplayTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    static readonly string ErrorQueue = $"{ProcessorQueues.Payments}_error";

    [Fact]
    public async Task Failed_payment_is_listed_then_replayed_unchanged_and_recorded_once_the_cause_is_fixed()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var system = new DemoSystem(vhost, directory, output);
        var quorum = new Dictionary<string, string?> { ["RabbitMq__QueueType"] = "Quorum" };
        var tool = new ErrorQueueTool(vhost, directory, output);
        const long txid = 620001;
        var messageId = MessageIds.Payment(txid, 3);

        var processor = await system.StartProcessorAsync(settings: quorum);
        var (gateway, client) = await system.StartGatewayAsync(settings: quorum);
        await using var _ = gateway;
        var table = new BrokenTable(system.Sqlite.DatabasePath, "payments");
        await table.BreakAsync();

        var notification = new SignedNotification(txid, "ORDER-REPLAY-1");
        Assert.Equal("OK", await (await client.GetAsync(notification.PathAndQuery)).Content.ReadAsStringAsync());
        // Retried (100 ms … 5 s) and then moved to the error queue.
        await vhost.WaitForQueueAsync(ErrorQueue, q => q.Messages == 1, TimeSpan.FromSeconds(90));
        await processor.StopAsync(TimeSpan.FromSeconds(10));
        await processor.DisposeAsync();
        Assert.Equal("quorum", Assert.Single(await QueueDeclaration.ListAsync(vhost), q => q.Name == ErrorQueue).Type);

        await using var amqp = await AmqpClient.OpenAsync(vhost);
        var failed = Assert.Single(await amqp.PeekAllAsync(ErrorQueue));
        Assert.Equal("fault", failed.ApplicationHeaders["MT-Reason"]);

        var (listed, listing) = await tool.RunAsync("list");

        Assert.Equal(0, listed);
        Assert.Contains($"{ErrorQueue}: 1 message(s)", listing);
        Assert.Contains("PaymentAccepted", listing);
        Assert.Contains($"id {messageId}", listing);
        Assert.Contains("MT-Reason: fault", listing);
        Assert.Contains("MT-Fault-Message: ", listing);
        Assert.Contains("no such table: payments", listing);
        Assert.DoesNotContain("ORDER-REPLAY-1", listing); // the body is never shown
        Assert.DoesNotContain(notification.Code, listing);
        Assert.Equal(messageId.ToString(), Assert.Single(await amqp.PeekAllAsync(ErrorQueue)).Properties.MessageId); // listing left it there

        await table.FixAsync();
        var (replayed, replay) = await tool.RunAsync("replay", ErrorQueue);

        Assert.Equal(0, replayed);
        Assert.Contains($"Moved 1 message(s) from {ErrorQueue} back to {ProcessorQueues.Payments}; 0 left in {ErrorQueue}.", replay);
        // Read over AMQP: rabbitmqctl's counts of a quorum queue lag behind.
        Assert.Empty(await amqp.PeekAllAsync(ErrorQueue));
        var back = Assert.Single(await amqp.PeekAllAsync(ProcessorQueues.Payments));
        Assert.Equal(failed.Body, back.Body);
        Assert.Equal(messageId.ToString(), back.Properties.MessageId);
        Assert.Equal(failed.Properties.ContentType, back.Properties.ContentType);
        Assert.Equal(failed.Properties.CorrelationId, back.Properties.CorrelationId);
        Assert.True(back.Properties.Persistent);
        Assert.Equal(failed.ApplicationHeaders, back.ApplicationHeaders);

        await using var restarted = await system.StartProcessorAsync(settings: quorum);
        await system.Database.WaitForCountAsync("payments", 1, TimeSpan.FromSeconds(60), "txid = $txid",
            new Dictionary<string, object?> { ["$txid"] = txid });
        var inbox = await system.Database.QueryAsync("SELECT message_id FROM inbox_messages");
        Assert.Equal(messageId, Guid.Parse((string)Assert.Single(inbox)["message_id"]!));
        Assert.Empty(await amqp.PeekAllAsync(ProcessorQueues.Payments));
        Assert.Empty(await amqp.PeekAllAsync(ErrorQueue));
    }
}
