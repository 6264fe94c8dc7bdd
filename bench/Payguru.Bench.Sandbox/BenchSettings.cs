using System.Globalization;

namespace Payguru.Bench.Sandbox;

/// <summary>The command line of the sandbox benchmark.</summary>
public sealed record BenchSettings(
    Uri SandboxUrl, int Count, int Concurrency, int Warmup, int Orders, double TargetPerSecond, bool Post, int? SandboxPid)
{
    public const string Usage =
        "usage: Payguru.Bench.Sandbox --url http://127.0.0.1:5090 [--count 20000] [--concurrency 32] [--warmup 2000] " +
        "[--orders 100] [--target 3000] [--post] [--sandbox-pid PID]";

    public static BenchSettings Parse(string[] args)
    {
        Uri? url = null;
        int count = 20000, concurrency = 32, warmup = 2000, orders = 100;
        double target = 3000;
        var post = false;
        int? pid = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": url = new Uri(Value()); break;
                case "--count": count = Positive(Value(), "--count"); break;
                case "--concurrency": concurrency = Positive(Value(), "--concurrency"); break;
                case "--warmup": warmup = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--orders": orders = Positive(Value(), "--orders"); break;
                case "--target": target = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--post": post = true; break;
                case "--sandbox-pid": pid = Positive(Value(), "--sandbox-pid"); break;
                default: throw new ArgumentException($"unknown argument {args[i]}");
            }
        }

        return new BenchSettings(url ?? throw new ArgumentException("--url is required"), count, concurrency, warmup, orders, target, post, pid);
    }

    static int Positive(string text, string name)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new ArgumentException($"{name} must be more than zero");
    }
}
