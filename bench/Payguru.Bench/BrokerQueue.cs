using System.Diagnostics;
using System.Globalization;

namespace Payguru.Bench;

/// <summary>
/// A queue's depth (ready + unacknowledged) and consumers, exact, from <c>rabbitmqctl list_queues</c>: the management
/// API's figures are samples up to its statistics interval (5 s) old. rabbitmqctl costs the cores about a second, so
/// the bench reads it only outside the measured load.
/// </summary>
public static class BrokerQueue
{
    public sealed record Info(long Messages, int Consumers);

    public static async Task<Info?> ReadAsync(string virtualHost, string queue, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("rabbitmqctl", ["-q", "list_queues", "-p", virtualHost, "name", "messages", "consumers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start rabbitmqctl");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split('\t', StringSplitOptions.TrimEntries);
            if (fields.Length == 3 && fields[0] == queue &&
                long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var messages) &&
                int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var consumers))
            {
                return new Info(messages, consumers);
            }
        }

        return null;
    }

    /// <summary>Until <paramref name="queue"/> has <paramref name="consumers"/> consumers (the services are up).</summary>
    public static async Task WaitForConsumersAsync(string virtualHost, string queue, int consumers, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(90);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await ReadAsync(virtualHost, queue, cancellationToken) is { } info && info.Consumers >= consumers)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new BenchCouldNotRunException($"{queue} on {virtualHost} did not get {consumers} consumers within 90 s");
    }
}
