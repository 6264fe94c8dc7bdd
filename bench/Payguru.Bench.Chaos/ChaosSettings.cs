using System.Globalization;

namespace Payguru.Bench.Chaos;

/// <summary>
/// What ../chaos.sh hands over: where the repository, the run's folder and the cluster are, how long to load, and
/// which build of the services to run.
/// </summary>
public sealed record ChaosSettings(
    string Root, string Work, string ClusterDirectory, IReadOnlyList<int> NodePorts, TimeSpan Duration, string Configuration)
{
    public string ClusterScript => Path.Combine(Root, "scripts", "rabbitmq-cluster.sh");

    public string DatabasePath => Path.Combine(Work, "payguru.db");

    public static ChaosSettings Parse(string[] args)
    {
        string? root = null, work = null, cluster = null;
        var duration = TimeSpan.FromSeconds(180);
        var configuration = "Release";
        for (var i = 0; i < args.Length - 1; i += 2)
        {
            var value = args[i + 1];
            switch (args[i])
            {
                case "--root": root = value; break;
                case "--work": work = value; break;
                case "--cluster": cluster = value; break;
                case "--duration": duration = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)); break;
                case "--configuration": configuration = value; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }

        if (root is null || work is null || cluster is null)
        {
            throw new ArgumentException("usage: --root DIR --work DIR --cluster DIR [--duration SECONDS] [--configuration Release|Debug]");
        }

        return new ChaosSettings(root, work, cluster, ReadNodePorts(cluster), duration, configuration);
    }

    /// <summary>CLUSTER_AMQP_PORTS from the cluster.env that scripts/rabbitmq-cluster.sh start wrote.</summary>
    static List<int> ReadNodePorts(string cluster)
    {
        var line = File.ReadAllLines(Path.Combine(cluster, "cluster.env")).Single(l => l.StartsWith("CLUSTER_AMQP_PORTS=", StringComparison.Ordinal));
        return [.. line["CLUSTER_AMQP_PORTS=".Length..].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
    }
}
