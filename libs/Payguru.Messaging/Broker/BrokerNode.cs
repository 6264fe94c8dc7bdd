using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Payguru.Messaging.Broker;

/// <summary>One broker (or cluster member) to connect to.</summary>
public sealed partial record BrokerNode(string Host, ushort Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    /// <summary>Reads one <c>RabbitMq:Hosts</c> entry: <c>host</c>, <c>host:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c>.</summary>
    internal static bool TryParse(string? entry, ushort defaultPort, [NotNullWhen(true)] out BrokerNode? node)
    {
        node = null;
        var match = HostEntry().Match(entry?.Trim() ?? "");
        var host = match.Groups["host"].Value;
        if (!match.Success || host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        var port = defaultPort;
        if (match.Groups["port"].Success && (!ushort.TryParse(match.Groups["port"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port == 0))
        {
            return false;
        }

        node = new BrokerNode(host, port);
        return true;
    }

    [GeneratedRegex(@"^(?:\[(?<host>[^\]]*)\]|(?!\[)(?<host>[^:]*))(?::(?<port>.*))?$")]
    private static partial Regex HostEntry();
}
