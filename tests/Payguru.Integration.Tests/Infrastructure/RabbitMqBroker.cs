using System.Net.Sockets;
using System.Text.Json;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// The test run's RabbitMQ (<see cref="RabbitMqNode"/>: by default the local one the test run's script started, guest/guest
/// on localhost:5672; with PAYGURU_TEST_RABBITMQ=container one in a container). Use it as an xunit fixture
/// (<c>IClassFixture&lt;RabbitMqBroker&gt;</c>, or the <see cref="RabbitMqCollection"/>) or construct it directly:
/// every method checks first that the broker answers, and fails with a message saying how to start it.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    public static string Host => RabbitMqNode.Current.Host;

    public static ushort Port => RabbitMqNode.Current.Port;

    public static string Username => RabbitMqNode.Current.Username;

    public static string Password => RabbitMqNode.Current.Password;

    private static readonly TimeSpan ReachTimeout = TimeSpan.FromSeconds(5);

    // Only success is remembered: a broker started half-way through a run is picked up by the next check.
    private static volatile bool s_reachable;

    public Task InitializeAsync() => EnsureReachableAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Throws, with instructions, unless the node's AMQP port speaks AMQP.</summary>
    public static async Task EnsureReachableAsync(CancellationToken cancellationToken = default)
    {
        if (s_reachable)
        {
            return;
        }

        await CheckReachableAsync(Host, Port, ReachTimeout, cancellationToken);
        s_reachable = true;
    }

    /// <summary>
    /// A fresh virtual host <c>test-&lt;guid&gt;</c> where guest may do everything; deleted when disposed.
    /// Two rabbitmqctl calls (about a second).
    /// </summary>
    public async Task<RabbitMqVirtualHost> CreateVirtualHostAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReachableAsync(cancellationToken);
        var name = $"test-{Guid.NewGuid():N}";
        await RabbitMqCtl.RunAsync(["add_vhost", name, "--quiet"], cancellationToken);
        try
        {
            await RabbitMqCtl.RunAsync(["set_permissions", "-p", name, Username, ".*", ".*", ".*", "--quiet"], cancellationToken);
        }
        catch
        {
            await RabbitMqCtl.TryRunAsync(["delete_vhost", name, "--quiet"], CancellationToken.None);
            throw;
        }

        return new RabbitMqVirtualHost(name);
    }

    /// <summary>The names of all virtual hosts on the node.</summary>
    public async Task<IReadOnlyList<string>> ListVirtualHostsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureReachableAsync(cancellationToken);
        var json = await RabbitMqCtl.RunAsync(["list_vhosts", "name", "--quiet", "--formatter", "json"], cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(vhost => vhost.GetProperty("name").GetString() ?? "")
            .ToList();
    }

    /// <summary>
    /// Connects and sends the AMQP 0-9-1 protocol header; a broker answers with a method frame (type 1).
    /// A bare TCP connect would also accept a port that something else holds.
    /// </summary>
    internal static async Task CheckReachableAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string problem;
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, deadline.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), deadline.Token);
            var frameType = new byte[1];
            var read = await stream.ReadAsync(frameType, deadline.Token);
            if (read == 1 && frameType[0] == 1)
            {
                return;
            }

            problem = read == 0 ? "the connection was closed without an AMQP answer" : $"it answered with frame type {frameType[0]}, not AMQP";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            problem = $"no AMQP answer within {timeout.TotalSeconds:0} s";
        }
        catch (SocketException e)
        {
            problem = e.Message;
        }
        catch (IOException e)
        {
            problem = e.Message;
        }

        throw new InvalidOperationException(
            $"RabbitMQ is not reachable on {host}:{port} ({problem}). The integration tests need a local broker: "
            + "run ./test.sh, which installs and starts it (by hand: rabbitmq-server -detached && rabbitmqctl await_startup).");
    }
}
