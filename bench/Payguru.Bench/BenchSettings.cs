using System.Globalization;

namespace Payguru.Bench;

/// <summary>What one run measures and where it finds the running system; parsed from <c>--name value</c> arguments.</summary>
public sealed record BenchSettings(
    int Count,
    int Concurrency,
    int Warmup,
    Uri GatewayUrl,
    string RabbitHost,
    ushort RabbitPort,
    string BaselineVirtualHost,
    string DatabasePath,
    int GatewayPid,
    string ProcessorDll,
    string WorkDirectory,
    int? BrokerPid,
    TimeSpan RecordTimeout,
    string GatewayDll,
    string RealCaseVirtualHost,
    string ConsumerBaselineVirtualHost,
    int Processors)
{
    public const string Usage =
        "usage: Payguru.Bench --gateway-url URL --baseline-vhost VHOST --db PATH --gateway-pid PID\n" +
        "                     --processor-dll PATH --work-dir DIR\n" +
        "                     --gateway-dll PATH --real-vhost VHOST --consumer-baseline-vhost VHOST [--processors 1|2]\n" +
        "                     [--count N] [--concurrency C] [--warmup W] [--broker-pid PID]\n" +
        "                     [--rabbit-host HOST] [--rabbit-port PORT] [--record-timeout SECONDS]\n" +
        "       Payguru.Bench baseline-consumer --vhost VHOST --progress-file PATH [--rabbit-host HOST] [--rabbit-port PORT]\n" +
        "Normally started by bench/notifications.sh, which starts the services and passes these.";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var values = Pairs(args);

        string Required(string name) =>
            values.Remove(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

        string Optional(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;

        int? OptionalPid(string name) => values.Remove(name, out var value) ? Positive(name, value) : null;

        var settings = new BenchSettings(
            Count: Positive("count", Optional("count", "50000")),
            Concurrency: Positive("concurrency", Optional("concurrency", "32")),
            Warmup: NonNegative("warmup", Optional("warmup", "5000")),
            GatewayUrl: new Uri(Required("gateway-url"), UriKind.Absolute),
            RabbitHost: Optional("rabbit-host", "localhost"),
            RabbitPort: ushort.Parse(Optional("rabbit-port", "5672"), CultureInfo.InvariantCulture),
            BaselineVirtualHost: Required("baseline-vhost"),
            DatabasePath: Path.GetFullPath(Required("db")),
            GatewayPid: Positive("gateway-pid", Required("gateway-pid")),
            ProcessorDll: Path.GetFullPath(Required("processor-dll")),
            WorkDirectory: Path.GetFullPath(Required("work-dir")),
            BrokerPid: OptionalPid("broker-pid"),
            RecordTimeout: TimeSpan.FromSeconds(Positive("record-timeout", Optional("record-timeout", "180"))),
            GatewayDll: Path.GetFullPath(Required("gateway-dll")),
            RealCaseVirtualHost: Required("real-vhost"),
            ConsumerBaselineVirtualHost: Required("consumer-baseline-vhost"),
            Processors: Positive("processors", Optional("processors", "1")));

        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        if (settings.Processors > 2)
        {
            throw new ArgumentException("--processors must be 1 or 2");
        }

        return settings;
    }

    /// <summary><c>--name value</c> pairs by name.</summary>
    public static Dictionary<string, string> Pairs(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ArgumentException($"expected '--name value', got '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        return values;
    }

    static int NonNegative(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} must be a whole number, got '{text}'");

    static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive integer, got '{text}'");

    /// <summary>The processes of a real-case phase: its gateway, its consumers, the broker.</summary>
    public IEnumerable<(string Name, int Pid)> RealCaseProcesses(int gatewayPid, IEnumerable<(string Name, int Pid)> consumers)
    {
        yield return ("gateway", gatewayPid);
        foreach (var consumer in consumers)
        {
            yield return consumer;
        }

        if (BrokerPid is { } broker)
        {
            yield return ("broker", broker);
        }
    }

    /// <summary>The processes of the system under load, by name, for the CPU figures.</summary>
    public IEnumerable<(string Name, int Pid)> SystemProcesses()
    {
        yield return ("gateway", GatewayPid);
        if (BrokerPid is { } broker)
        {
            yield return ("broker", broker);
        }
    }
}
