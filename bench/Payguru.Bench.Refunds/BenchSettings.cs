using System.Globalization;

namespace Payguru.Bench.Refunds;

/// <summary>What one run measures and where it finds the running system; parsed from <c>--name value</c> arguments.</summary>
public sealed record BenchSettings(
    int Count,
    int Concurrency,
    int Warmup,
    int Orders,
    string RabbitHost,
    ushort RabbitPort,
    string VirtualHost,
    string BaselineVirtualHost,
    Uri SandboxUrl,
    string DatabasePath,
    IReadOnlyList<int> ProcessorPids,
    int SandboxPid,
    int BaselinePid,
    int? BrokerPid,
    TimeSpan RequestTimeout)
{
    public const string Usage =
        "usage: Payguru.Bench.Refunds --vhost VHOST --baseline-vhost VHOST --sandbox-url URL --db PATH\n" +
        "                             --processor-pid PID[,PID] --sandbox-pid PID --baseline-pid PID\n" +
        "                             [--count N] [--concurrency C] [--warmup W] [--orders O] [--broker-pid PID]\n" +
        "                             [--rabbit-host HOST] [--rabbit-port PORT] [--request-timeout SECONDS]\n" +
        "       Payguru.Bench.Refunds baseline-consumer --vhost VHOST [--rabbit-host HOST] [--rabbit-port PORT]\n" +
        "Normally started by bench/refunds.sh, which starts the services and passes these.";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var values = Arguments.Parse(args);
        var count = Arguments.Positive("count", values.Optional("count", "5000"));
        var concurrency = Arguments.Positive("concurrency", values.Optional("concurrency", "32"));
        var warmup = Arguments.NonNegative("warmup", values.Optional("warmup", "5000"));
        // Round-robin over the orders: each order comes back only every Orders requests, far more
        // than are in flight, so no request waits for another of its order (one create per order at a time).
        var orders = values.Remove("orders", out var ordersText)
            ? Arguments.Positive("orders", ordersText)
            : Math.Max(concurrency * 4, (count + warmup + 3) / 4);

        var settings = new BenchSettings(
            Count: count,
            Concurrency: concurrency,
            Warmup: warmup,
            Orders: orders,
            RabbitHost: values.Optional("rabbit-host", "localhost"),
            RabbitPort: ushort.Parse(values.Optional("rabbit-port", "5672"), CultureInfo.InvariantCulture),
            VirtualHost: values.Required("vhost"),
            BaselineVirtualHost: values.Required("baseline-vhost"),
            SandboxUrl: new Uri(values.Required("sandbox-url"), UriKind.Absolute),
            DatabasePath: Path.GetFullPath(values.Required("db")),
            // One pid per processor instance (refunds.sh's PROCESSORS), all on one database and one queue.
            ProcessorPids: [.. values.Required("processor-pid").Split(',').Select(pid => Arguments.Positive("processor-pid", pid))],
            SandboxPid: Arguments.Positive("sandbox-pid", values.Required("sandbox-pid")),
            BaselinePid: Arguments.Positive("baseline-pid", values.Required("baseline-pid")),
            BrokerPid: values.Remove("broker-pid", out var broker) ? Arguments.Positive("broker-pid", broker) : null,
            RequestTimeout: TimeSpan.FromSeconds(Arguments.Positive("request-timeout", values.Optional("request-timeout", "90"))));

        values.EnsureEmpty();
        return settings;
    }

    /// <summary>The processes that serve the refunds, by name, for the CPU figures.</summary>
    public IEnumerable<(string Name, int Pid)> SystemProcesses()
    {
        for (var i = 0; i < ProcessorPids.Count; i++)
        {
            yield return (ProcessorName(i), ProcessorPids[i]);
        }
        yield return ("sandbox", SandboxPid);
        if (BrokerPid is { } broker)
        {
            yield return ("broker", broker);
        }
    }

    /// <summary>"processor", then "processor-2": the CPU lines' name of each instance.</summary>
    public static string ProcessorName(int index) => index == 0 ? "processor" : $"processor-{index + 1}";

    /// <summary>The processes that serve the baseline's refunds.</summary>
    public IEnumerable<(string Name, int Pid)> BaselineProcesses()
    {
        yield return ("baseline", BaselinePid);
        if (BrokerPid is { } broker)
        {
            yield return ("broker", broker);
        }
    }
}

/// <summary>The settings of the <c>baseline-consumer</c> mode.</summary>
public sealed record BaselineConsumerSettings(string RabbitHost, ushort RabbitPort, string VirtualHost)
{
    public static BaselineConsumerSettings Parse(IReadOnlyList<string> args)
    {
        var values = Arguments.Parse(args);
        var settings = new BaselineConsumerSettings(
            values.Optional("rabbit-host", "localhost"),
            ushort.Parse(values.Optional("rabbit-port", "5672"), CultureInfo.InvariantCulture),
            values.Required("vhost"));
        values.EnsureEmpty();
        return settings;
    }
}

/// <summary><c>--name value</c> pairs; each is taken once, and what is left over is an error.</summary>
sealed class Arguments : Dictionary<string, string>
{
    Arguments()
        : base(StringComparer.Ordinal)
    {
    }

    public static Arguments Parse(IReadOnlyList<string> args)
    {
        var values = new Arguments();
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

    public string Required(string name) =>
        Remove(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

    public string Optional(string name, string fallback) => Remove(name, out var value) ? value : fallback;

    public void EnsureEmpty()
    {
        if (Count > 0)
        {
            throw new ArgumentException($"unknown option --{Keys.First()}");
        }
    }

    public static int NonNegative(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"--{name} must be a whole number, got '{text}'");

    public static int Positive(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a positive integer, got '{text}'");
}
