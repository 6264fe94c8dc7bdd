using System.Text.Json;
using Payguru.Bench.Common;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>A throw-away virtual host on the local broker; <see cref="DisposeAsync"/> deletes it with everything in it.</summary>
public sealed class RabbitMqVirtualHost : IAsyncDisposable
{
    private int _disposed;

    internal RabbitMqVirtualHost(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// The RabbitMq__* settings that point a service at this virtual host, on the broker itself or, with
    /// <paramref name="host"/> and <paramref name="port"/>, on a <see cref="TcpProxy"/> in front of it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ServiceEnvironment(string? host = null, int? port = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["RabbitMq__Host"] = host ?? RabbitMqBroker.Host,
            ["RabbitMq__Port"] = (port ?? RabbitMqBroker.Port).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RabbitMq__VirtualHost"] = Name,
            ["RabbitMq__Username"] = RabbitMqBroker.Username,
            ["RabbitMq__Password"] = RabbitMqBroker.Password,
        };
        if (RabbitMqNode.Current.InContainer)
        {
            // The error queue tool's; its default (port 15672 on the broker's host) is not the container's mapped port.
            environment["RabbitMq__ManagementUrl"] = RabbitMqNode.Current.ManagementUrl;
        }

        return environment;
    }

    /// <summary>Every queue with its counts (one rabbitmqctl call). Counts come from the queue processes, so they are current.</summary>
    public async Task<IReadOnlyList<QueueInfo>> ListQueuesAsync(CancellationToken cancellationToken = default)
    {
        var json = await RabbitMqCtl.RunAsync(
            ["list_queues", "-p", Name, "name", "messages", "messages_ready", "messages_unacknowledged", "consumers", "durable",
                "--quiet", "--formatter", "json"],
            cancellationToken);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(ToQueueInfo).ToList();
    }

    /// <summary>Queue name to message count (ready plus unacknowledged).</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetQueueMessageCountsAsync(CancellationToken cancellationToken = default) =>
        (await ListQueuesAsync(cancellationToken)).ToDictionary(queue => queue.Name, queue => queue.Messages);

    /// <summary>The queue, or null when it does not exist.</summary>
    public async Task<QueueInfo?> GetQueueAsync(string queue, CancellationToken cancellationToken = default) =>
        (await ListQueuesAsync(cancellationToken)).FirstOrDefault(info => info.Name == queue);

    public async Task<bool> QueueExistsAsync(string queue, CancellationToken cancellationToken = default) =>
        await GetQueueAsync(queue, cancellationToken) is not null;

    /// <summary>Ready plus unacknowledged messages, or null when the queue does not exist.</summary>
    public async Task<long?> GetMessageCountAsync(string queue, CancellationToken cancellationToken = default) =>
        (await GetQueueAsync(queue, cancellationToken))?.Messages;

    /// <summary>
    /// Polls until the queue exists and satisfies <paramref name="condition"/> (e.g. <c>q =&gt; q.Consumers &gt; 0</c>
    /// once a service is listening); each poll is a rabbitmqctl call, so half a second is the practical interval.
    /// </summary>
    public async Task<QueueInfo> WaitForQueueAsync(
        string queue, Func<QueueInfo, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var last = await Poll.WaitUntilAsync(
            token => GetQueueAsync(queue, token),
            info => info is not null && condition(info),
            timeout,
            $"queue '{queue}' in virtual host '{Name}' to reach the expected state",
            TimeSpan.FromMilliseconds(250),
            cancellationToken);
        return last!;
    }

    /// <summary>Deletes the virtual host (one rabbitmqctl call); a second dispose does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var (exitCode, stdout, stderr) = await RabbitMqCtl.TryRunAsync(["delete_vhost", Name, "--quiet"]);
        if (exitCode != 0 && !(stderr + stdout).Contains("does not exist", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"rabbitmqctl delete_vhost {Name} exited with {exitCode}: {stderr.Trim()} {stdout.Trim()}");
        }
    }

    public override string ToString() => Name;

    private static QueueInfo ToQueueInfo(JsonElement queue) => new(
        queue.GetProperty("name").GetString() ?? "",
        Number(queue, "messages"),
        Number(queue, "messages_ready"),
        Number(queue, "messages_unacknowledged"),
        (int)Number(queue, "consumers"),
        queue.TryGetProperty("durable", out var durable) && durable.ValueKind == JsonValueKind.True);

    // A queue whose process is down or still starting reports '' instead of a number; count that as 0.
    private static long Number(JsonElement queue, string property) =>
        queue.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
}
