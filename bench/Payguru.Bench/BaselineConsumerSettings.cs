using System.Globalization;

namespace Payguru.Bench;

/// <summary>The settings of the <c>baseline-consumer</c> mode: <c>--vhost VHOST --progress-file PATH [--rabbit-host H] [--rabbit-port P]</c>.</summary>
public sealed record BaselineConsumerSettings(string RabbitHost, ushort RabbitPort, string VirtualHost, string ProgressFile)
{
    public static BaselineConsumerSettings Parse(IReadOnlyList<string> args)
    {
        var values = BenchSettings.Pairs(args);
        string Required(string name) =>
            values.Remove(name, out var value) ? value : throw new ArgumentException($"--{name} is required");

        var settings = new BaselineConsumerSettings(
            values.Remove("rabbit-host", out var host) ? host : "localhost",
            ushort.Parse(values.Remove("rabbit-port", out var port) ? port : "5672", CultureInfo.InvariantCulture),
            Required("vhost"),
            Path.GetFullPath(Required("progress-file")));
        if (values.Count > 0)
        {
            throw new ArgumentException($"unknown option --{values.Keys.First()}");
        }

        return settings;
    }
}
