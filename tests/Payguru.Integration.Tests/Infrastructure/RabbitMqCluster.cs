using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// RabbitMQ nodes of a test's own (scripts/rabbitmq-cluster.sh): own names, ports, directories and cookie, next to
/// the shared broker on 5672, which they never touch. Disposing stops them (by pid) and deletes their files.
/// </summary>
public sealed class RabbitMqCluster : IAsyncDisposable
{
    static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(4);
    readonly TempDirectory _directory;

    RabbitMqCluster(TempDirectory directory, IReadOnlyList<ushort> amqpPorts, IReadOnlyList<ushort> tlsPorts)
    {
        _directory = directory;
        AmqpPorts = amqpPorts;
        TlsPorts = tlsPorts;
    }

    public static string Script => Path.Combine(RepoPaths.Root, "scripts", "rabbitmq-cluster.sh");

    /// <summary>Each node's AMQP port, node 1 first.</summary>
    public IReadOnlyList<ushort> AmqpPorts { get; }

    /// <summary>Each node's AMQPS port (empty without TLS).</summary>
    public IReadOnlyList<ushort> TlsPorts { get; }

    /// <summary>Starts <paramref name="nodes"/> clustered nodes; with <paramref name="tlsDirectory"/> (ca.pem, server.pem, server.key) each gets a TLS listener.</summary>
    public static async Task<RabbitMqCluster> StartAsync(int nodes, string? tlsDirectory = null)
    {
        var directory = new TempDirectory("payguru-cluster");
        try
        {
            var environment = new Dictionary<string, string?> { ["CLUSTER_TLS_DIR"] = tlsDirectory };
            await RunScriptAsync(["start", directory.Path, nodes.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment);
            var settings = File.ReadAllLines(directory.File("cluster.env"))
                .Select(line => line.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
            return new RabbitMqCluster(directory, Ports(settings["CLUSTER_AMQP_PORTS"]), Ports(settings["CLUSTER_TLS_PORTS"]));
        }
        catch
        {
            await RunScriptAsync(["stop", directory.Path], new Dictionary<string, string?>());
            directory.Dispose();
            throw;
        }
    }

    /// <summary>kill -9 of node <paramref name="node"/> (1-based), as a crash would.</summary>
    public Task KillAsync(int node) => RunAsync("kill", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Starts a killed node again; it rejoins the cluster.</summary>
    public Task RestartAsync(int node) => RunAsync("restart", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The number of the node leading quorum queue <paramref name="queue"/>.</summary>
    public async Task<int> LeaderAsync(string virtualHost, string queue) =>
        int.Parse((await RunAsync("leader", virtualHost, queue)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>rabbitmqctl</c> against node <paramref name="node"/>; its output.</summary>
    public Task<string> CtlAsync(int node, params string[] arguments) =>
        RunAsync(["ctl", node.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments]);

    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync(["stop", _directory.Path], new Dictionary<string, string?>());
        _directory.Dispose();
    }

    Task<string> RunAsync(params string[] arguments) =>
        RunScriptAsync([arguments[0], _directory.Path, .. arguments[1..]], new Dictionary<string, string?>());

    static async Task<string> RunScriptAsync(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        await using var script = ServiceProcess.Start("bash", [Script, .. arguments], environment, RepoPaths.Root, name: "rabbitmq-cluster.sh");
        var exitCode = await script.WaitForExitAsync(ScriptTimeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq-cluster.sh {string.Join(' ', arguments)} exited with {exitCode}:\n{script.OutputText}");
        }

        return string.Join('\n', script.Output.Where(line => !line.IsError).Select(line => line.Text));
    }

    static List<ushort> Ports(string list) =>
        list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => ushort.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
