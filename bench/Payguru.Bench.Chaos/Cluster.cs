using System.Diagnostics;
using System.Globalization;

namespace Payguru.Bench.Chaos;

/// <summary>The 3-node cluster of ../chaos.sh, through scripts/rabbitmq-cluster.sh (kill, restart, ctl, leader).</summary>
public sealed class Cluster(ChaosSettings settings)
{
    public int NodeCount => settings.NodePorts.Count;

    public Task KillAsync(int node) => RunAsync("kill", node.ToString(CultureInfo.InvariantCulture));

    public Task RestartAsync(int node) => RunAsync("restart", node.ToString(CultureInfo.InvariantCulture));

    public Task<string> CtlAsync(int node, params string[] arguments) =>
        RunAsync(["ctl", node.ToString(CultureInfo.InvariantCulture), .. arguments]);

    /// <summary>The number of the node leading the quorum queue.</summary>
    public async Task<int> LeaderAsync(string queue) =>
        int.Parse((await RunAsync("leader", "/", queue)).Trim(), CultureInfo.InvariantCulture);

    /// <summary>Every queue of the cluster's default virtual host with its message count, asked of the first node that answers.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync()
    {
        for (var node = 1; node <= NodeCount; node++)
        {
            try
            {
                var text = await CtlAsync(node, "-q", "list_queues", "name", "messages", "--no-table-headers");
                return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('\t'))
                    .Where(parts => parts.Length == 2)
                    .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            }
            catch (InvalidOperationException)
            {
                // That node is down or starting: ask the next.
            }
        }

        throw new InvalidOperationException("no node of the cluster listed its queues");
    }

    Task<string> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    async Task<string> RunAsync(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(settings.ClusterScript);
        var list = arguments.ToList();
        start.ArgumentList.Add(list[0]);
        start.ArgumentList.Add(settings.ClusterDirectory);
        foreach (var argument in list.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not run rabbitmq-cluster.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq-cluster.sh {string.Join(' ', list)} exited {process.ExitCode}: {(await error).Trim()}");
        }

        return await output;
    }
}
