using System.Text;
using System.Text.Json;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.Operations;

/// <summary>
/// <c>Payguru.ErrorQueues</c> against a real broker with queues laid out as MassTransit lays them out: a partial
/// replay keeps order and leaves the rest, and a replay that cannot be done moves nothing.
/// </summary>
public sealed class ErrorQueueToolTests(RabbitMqBroker broker, ITestOutputHelper output) : IClassFixture<RabbitMqBroker>
{
    const string Queue = "order-service-payment-accepted";
    const string ErrorQueue = Queue + "_error";

    [Fact]
    public async Task Replay_with_a_count_moves_that_many_in_order_and_leaves_the_rest()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var tool = new ErrorQueueTool(vhost, directory, output);
        await using var amqp = await AmqpClient.OpenAsync(vhost);
        await amqp.DeclareQueueAsync(Queue);
        await amqp.DeclareQueueAsync(ErrorQueue);
        var ids = Enumerable.Range(1, 3).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var id in ids)
        {
            await amqp.PutAsync(ErrorQueue, Failed(id), Encoding.UTF8.GetBytes($"{{\"n\":\"{id}\"}}"));
        }

        var (exitCode, text) = await tool.RunAsync("replay", ErrorQueue, "--count", "2");

        Assert.Equal(0, exitCode);
        Assert.Contains($"Moved 2 message(s) from {ErrorQueue} back to {Queue}; 1 left in {ErrorQueue}.", text);
        Assert.Equal(ids[..2], (await amqp.PeekAllAsync(Queue)).Select(m => m.Properties.MessageId));
        Assert.Equal(ids[2..], (await amqp.PeekAllAsync(ErrorQueue)).Select(m => m.Properties.MessageId));

        var (rest, restText) = await tool.RunAsync("replay", ErrorQueue);

        Assert.Equal(0, rest);
        Assert.Contains($"Moved 1 message(s) from {ErrorQueue} back to {Queue}; 0 left in {ErrorQueue}.", restText);
        Assert.Equal(ids, (await amqp.PeekAllAsync(Queue)).Select(m => m.Properties.MessageId));
    }

    [Fact]
    public async Task List_shows_type_id_and_fault_of_each_message_never_its_body_and_leaves_them_queued()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var tool = new ErrorQueueTool(vhost, directory, output);
        await using var amqp = await AmqpClient.OpenAsync(vhost);
        await amqp.DeclareQueueAsync(ErrorQueue);
        // No MT-Fault-MessageType header (as when the message could not be read): the type comes from the envelope.
        const string iban = "TR800011100000000036888459";
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageType = new[] { "urn:message:Payguru.Contracts.Refunds:RequestRefund" },
            message = new { iban, contactName = "Demo Customer" },
        });
        await amqp.PutAsync(ErrorQueue, Failed("first-id"), envelope);
        await amqp.PutAsync(ErrorQueue, Failed("second-id"), envelope);

        var (exitCode, text) = await tool.RunAsync("list");

        Assert.Equal(0, exitCode);
        Assert.Contains($"{ErrorQueue}: 2 message(s)", text);
        Assert.Contains("urn:message:Payguru.Contracts.Refunds:RequestRefund  id first-id", text);
        Assert.Contains("urn:message:Payguru.Contracts.Refunds:RequestRefund  id second-id", text);
        Assert.Contains("MT-Reason: fault  MT-Fault-Message: something broke", text);
        Assert.DoesNotContain(iban, text);
        Assert.DoesNotContain("Demo Customer", text);
        Assert.Equal(["first-id", "second-id"], (await amqp.PeekAllAsync(ErrorQueue)).Select(m => m.Properties.MessageId));
    }

    [Fact]
    public async Task Replay_to_a_queue_that_does_not_exist_fails_and_moves_nothing()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var tool = new ErrorQueueTool(vhost, directory, output);
        await using var amqp = await AmqpClient.OpenAsync(vhost);
        await amqp.DeclareQueueAsync(ErrorQueue);
        await amqp.PutAsync(ErrorQueue, Failed("a"), [1, 2, 3]);

        var (exitCode, text) = await tool.RunAsync("replay", ErrorQueue);

        Assert.Equal(1, exitCode);
        Assert.Contains($"Queue '{Queue}', where the messages of '{ErrorQueue}' failed, does not exist", text);
        Assert.Contains("nothing was moved", text);
        Assert.Equal(1, await vhost.GetMessageCountAsync(ErrorQueue));
        Assert.False(await vhost.QueueExistsAsync(Queue));
    }

    [Fact]
    public async Task Missing_error_queue_and_bad_arguments_are_refused_with_the_reason()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        using var directory = new TempDirectory();
        var tool = new ErrorQueueTool(vhost, directory, output);

        var (missing, missingText) = await tool.RunAsync("replay", ErrorQueue);
        var (notError, notErrorText) = await tool.RunAsync("replay", Queue);
        var (badCount, badCountText) = await tool.RunAsync("replay", ErrorQueue, "--count", "0");
        var (empty, emptyText) = await tool.RunAsync("list");

        Assert.Equal(1, missing);
        Assert.Contains($"Queue '{ErrorQueue}' does not exist in virtual host '{vhost.Name}'", missingText);
        Assert.Equal(2, notError);
        Assert.Contains($"'{Queue}' is not an error queue", notErrorText);
        Assert.Equal(2, badCount);
        Assert.Contains("--count must be a whole number greater than zero (was '0')", badCountText);
        Assert.Equal(0, empty);
        Assert.Contains($"No _error queues in virtual host '{vhost.Name}'", emptyText);
    }

    static BasicProperties Failed(string messageId) => new()
    {
        MessageId = messageId,
        ContentType = "application/vnd.masstransit+json",
        Headers = new Dictionary<string, object?>
        {
            ["MT-Reason"] = Encoding.UTF8.GetBytes("fault"),
            ["MT-Fault-Message"] = Encoding.UTF8.GetBytes("something broke"),
        },
    };
}
