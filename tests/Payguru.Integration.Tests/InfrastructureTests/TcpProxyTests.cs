using System.Net.Sockets;
using Payguru.Bench.Common;
using Payguru.Integration.Tests.Infrastructure;
using Payguru.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Payguru.Integration.Tests.InfrastructureTests;

public sealed class TcpProxyTests : IClassFixture<RabbitMqBroker>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Proxy_forwards_bytes_both_ways()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();

        Assert.Equal("hello", await RoundTripAsync(stream, "hello"));
        Assert.Equal(1, echo.AcceptedCount);
        Assert.Equal(1, proxy.OpenConnectionCount);
    }

    [Fact]
    public async Task Proxy_forwards_a_payload_larger_than_its_buffers()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();
        var payload = new byte[1024 * 1024];
        Random.Shared.NextBytes(payload);

        // Read while writing: the echo cannot send back more than the socket buffers hold before we read.
        var received = new byte[payload.Length];
        var reading = stream.ReadExactlyAsync(received).AsTask();
        await stream.WriteAsync(payload);
        await reading.WaitAsync(Patience);

        Assert.Equal(payload, received);
    }

    [Fact]
    public async Task Client_closing_its_side_is_forwarded_to_the_target_and_back()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();
        await stream.WriteAsync("bye"u8.ToArray());

        client.Client.Shutdown(SocketShutdown.Send);

        // The echo sees the end, answers what it had and closes; the proxy passes both on.
        var answer = new byte[3];
        await stream.ReadExactlyAsync(answer).AsTask().WaitAsync(Patience);
        Assert.Equal("bye"u8.ToArray(), answer);
        Assert.Equal(0, await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(Patience));
        await Poll.WaitUntilAsync(() => proxy.OpenConnectionCount == 0, Patience, "the proxy to forget the closed connection");
    }

    [Fact]
    public async Task Cut_proxy_breaks_open_connections()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using var client = await ConnectAsync(proxy);
        var stream = client.GetStream();
        Assert.Equal("before", await RoundTripAsync(stream, "before"));

        proxy.Cut();

        Assert.True(proxy.IsCut);
        Assert.True(await IsClosedAsync(stream), "a read after Cut() should end the stream or fail");
        await Poll.WaitUntilAsync(() => proxy.OpenConnectionCount == 0, Patience, "the cut connection to be gone");
    }

    [Fact]
    public async Task Cut_proxy_drops_new_connections_before_they_reach_the_target()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);

        proxy.Cut();

        Assert.True(await IsDroppedAsync(proxy), "a connection made while cut should be closed at once");
        Assert.Equal(0, echo.AcceptedCount);
        Assert.Equal(1, proxy.DroppedConnectionCount);
        Assert.Equal(0, proxy.ForwardedConnectionCount);
    }

    [Fact]
    public async Task Restored_proxy_lets_new_connections_through()
    {
        await using var echo = new EchoServer();
        await using var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using (var before = await ConnectAsync(proxy))
        {
            Assert.Equal("one", await RoundTripAsync(before.GetStream(), "one"));
            proxy.Cut();
            Assert.True(await IsClosedAsync(before.GetStream()));
        }

        proxy.Restore();

        Assert.False(proxy.IsCut);
        using var after = await ConnectAsync(proxy);
        Assert.Equal("two", await RoundTripAsync(after.GetStream(), "two"));
        Assert.Equal(2, echo.AcceptedCount);
    }

    [Fact]
    public async Task Disposed_proxy_closes_its_connections_and_stops_listening()
    {
        await using var echo = new EchoServer();
        var proxy = TcpProxy.Start("127.0.0.1", echo.Port);
        using var client = await ConnectAsync(proxy);
        Assert.Equal("x", await RoundTripAsync(client.GetStream(), "x"));

        await proxy.DisposeAsync().AsTask().WaitAsync(Patience);

        Assert.True(await IsClosedAsync(client.GetStream()));
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(proxy.Host, proxy.Port).WaitAsync(Patience));
        Assert.Throws<ObjectDisposedException>(proxy.Restore);
    }

    [Fact]
    public async Task Proxy_to_an_unreachable_target_closes_the_client_connection()
    {
        var nothingThere = FreePort.Next();
        await using var proxy = TcpProxy.Start("127.0.0.1", nothingThere);

        Assert.True(await IsDroppedAsync(proxy));
    }

    [Fact]
    public async Task Amqp_connection_through_the_proxy_is_shut_down_by_Cut_and_a_new_one_works_after_Restore()
    {
        await using var proxy = TcpProxy.Start(RabbitMqBroker.Host, RabbitMqBroker.Port);
        var factory = new ConnectionFactory
        {
            HostName = proxy.Host,
            Port = proxy.Port,
            UserName = RabbitMqBroker.Username,
            Password = RabbitMqBroker.Password,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        await using var connection = await factory.CreateConnectionAsync();
        var shutDown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            shutDown.TrySetResult();
            return Task.CompletedTask;
        };
        await using (var channel = await connection.CreateChannelAsync())
        {
            // A server-named exclusive queue: proves the AMQP session works and leaves nothing behind.
            await channel.QueueDeclareAsync();
        }

        proxy.Cut();

        await shutDown.Task.WaitAsync(Patience);
        Assert.False(connection.IsOpen);
        await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() => factory.CreateConnectionAsync());

        proxy.Restore();

        await using var again = await factory.CreateConnectionAsync();
        await using var channelAgain = await again.CreateChannelAsync();
        var queue = await channelAgain.QueueDeclareAsync();
        Assert.StartsWith("amq.gen-", queue.QueueName, StringComparison.Ordinal);
    }

    private static async Task<TcpClient> ConnectAsync(TcpProxy proxy)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(proxy.Host, proxy.Port).WaitAsync(Patience);
        return client;
    }

    private static async Task<string> RoundTripAsync(NetworkStream stream, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes);
        var answer = new byte[bytes.Length];
        await stream.ReadExactlyAsync(answer).AsTask().WaitAsync(Patience);
        return System.Text.Encoding.UTF8.GetString(answer);
    }

    /// <summary>
    /// Connects, writes and reads: true when the proxy closes the connection. The listener accepts before it resets,
    /// so depending on timing the connect, the write or the read sees the reset.
    /// </summary>
    private static async Task<bool> IsDroppedAsync(TcpProxy proxy)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(proxy.Host, proxy.Port).WaitAsync(Patience);
            var stream = client.GetStream();
            await stream.WriteAsync("anyone?"u8.ToArray());
            return await IsClosedAsync(stream);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            return true;
        }
    }

    /// <summary>True when the next read reports the end of the stream or a reset; fails the test if it hangs.</summary>
    private static async Task<bool> IsClosedAsync(NetworkStream stream)
    {
        try
        {
            return await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(Patience) == 0;
        }
        catch (IOException)
        {
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
