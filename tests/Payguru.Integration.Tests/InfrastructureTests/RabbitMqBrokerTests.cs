using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;
using RabbitMQ.Client;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class RabbitMqBrokerTests(RabbitMqBroker broker) : IClassFixture<RabbitMqBroker>
{
    [Fact]
    public async Task Virtual_host_exists_until_disposed()
    {
        var vhost = await broker.CreateVirtualHostAsync();
        Assert.StartsWith("test-", vhost.Name, StringComparison.Ordinal);
        Assert.Contains(vhost.Name, await broker.ListVirtualHostsAsync());

        await vhost.DisposeAsync();

        Assert.DoesNotContain(vhost.Name, await broker.ListVirtualHostsAsync());
        await vhost.DisposeAsync();
    }

    [Fact]
    public async Task Queue_inspection_reports_queues_their_message_counts_and_consumers()
    {
        await using var vhost = await broker.CreateVirtualHostAsync();
        Assert.Empty(await vhost.ListQueuesAsync());

        // guest can connect to the fresh virtual host (permissions were set) and fill it.
        var factory = Factory(vhost);
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync("filled", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("empty", durable: false, exclusive: false, autoDelete: false);
        for (var i = 0; i < 3; i++)
        {
            // Awaiting a confirmed publish means the broker has the message in the queue.
            await channel.BasicPublishAsync("", "filled", mandatory: true, new BasicProperties { Persistent = true }, new byte[] { 1, 2, 3 });
        }

        var queues = await vhost.ListQueuesAsync();

        Assert.Equal(
            [new QueueInfo("empty", 0, 0, 0, 0, false), new QueueInfo("filled", 3, 3, 0, 0, true)],
            queues.OrderBy(queue => queue.Name, StringComparer.Ordinal));
        Assert.Equal(3, (await vhost.GetQueueMessageCountsAsync())["filled"]);
        Assert.True(await vhost.QueueExistsAsync("empty"));
        Assert.False(await vhost.QueueExistsAsync("missing"));
        Assert.Null(await vhost.GetMessageCountAsync("missing"));

        await channel.BasicConsumeAsync("empty", autoAck: false, new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(channel));
        var consumed = await vhost.WaitForQueueAsync("empty", queue => queue.Consumers == 1, TimeSpan.FromSeconds(10));
        Assert.Equal(1, consumed.Consumers);
    }

    [Fact]
    public void Service_environment_points_at_the_virtual_host_directly_or_through_a_proxy()
    {
        // Not created on the broker (and so not disposed): only the settings are under test.
        var vhost = new RabbitMqVirtualHost("test-environment");

        var direct = vhost.ServiceEnvironment();
        var proxied = vhost.ServiceEnvironment("127.0.0.1", 40001);

        // The local node (localhost:5672, guest) unless PAYGURU_TEST_RABBITMQ=container chose a container.
        Assert.Equal(RabbitMqBroker.Host, direct["RabbitMq__Host"]);
        Assert.Equal(RabbitMqBroker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), direct["RabbitMq__Port"]);
        Assert.Equal(vhost.Name, direct["RabbitMq__VirtualHost"]);
        Assert.Equal(RabbitMqBroker.Username, direct["RabbitMq__Username"]);
        Assert.Equal(RabbitMqBroker.Password, direct["RabbitMq__Password"]);
        Assert.Equal("127.0.0.1", proxied["RabbitMq__Host"]);
        Assert.Equal("40001", proxied["RabbitMq__Port"]);
    }

    [Fact]
    public async Task Unreachable_broker_fails_with_a_message_that_says_to_run_test_sh()
    {
        var nothingThere = FreePort.Next();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RabbitMqBroker.CheckReachableAsync("127.0.0.1", nothingThere, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains($"127.0.0.1:{nothingThere}", error.Message, StringComparison.Ordinal);
        Assert.Contains("./test.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Something_other_than_amqp_on_the_port_is_not_taken_for_the_broker()
    {
        await using var echo = new EchoServer();

        // The echo answers the protocol header with itself: frame type 'A', not a method frame.
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            RabbitMqBroker.CheckReachableAsync("127.0.0.1", echo.Port, TimeSpan.FromSeconds(5), CancellationToken.None));

        Assert.Contains("not AMQP", error.Message, StringComparison.Ordinal);
    }

    private static ConnectionFactory Factory(RabbitMqVirtualHost vhost) => new()
    {
        HostName = RabbitMqBroker.Host,
        Port = RabbitMqBroker.Port,
        VirtualHost = vhost.Name,
        UserName = RabbitMqBroker.Username,
        Password = RabbitMqBroker.Password,
        AutomaticRecoveryEnabled = false,
    };
}
