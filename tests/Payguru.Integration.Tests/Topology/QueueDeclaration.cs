using System.Text.Json;
using Payguru.Integration.Tests.Infrastructure;

namespace Payguru.Integration.Tests.Topology;

/// <summary>How RabbitMQ holds one queue: its type (<c>classic</c>, <c>quorum</c>) and lifetime flags.</summary>
public sealed record QueueDeclaration(string Name, string Type, bool Durable, bool AutoDelete)
{
    /// <summary>Every queue of <paramref name="vhost"/> (one rabbitmqctl call).</summary>
    public static async Task<IReadOnlyList<QueueDeclaration>> ListAsync(RabbitMqVirtualHost vhost)
    {
        var json = await RabbitMqCtl.RunAsync(
            ["list_queues", "-p", vhost.Name, "name", "type", "durable", "auto_delete", "--quiet", "--formatter", "json"]);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray()
            .Select(queue => new QueueDeclaration(
                queue.GetProperty("name").GetString() ?? "",
                queue.GetProperty("type").GetString() ?? "",
                queue.GetProperty("durable").ValueKind == JsonValueKind.True,
                queue.GetProperty("auto_delete").ValueKind == JsonValueKind.True))
            .ToList();
    }
}
