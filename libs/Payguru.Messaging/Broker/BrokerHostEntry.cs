using System.Globalization;

namespace Payguru.Messaging.Broker;

/// <summary>Reads one <c>RabbitMq:Hosts</c> entry: <c>host</c>, <c>host:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c>.</summary>
public static class BrokerHostEntry
{
    public static bool TryParse(string? entry, ushort defaultPort, out BrokerNode node)
    {
        node = null!;
        var text = entry?.Trim() ?? "";
        string host;
        string? port = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var rest = text[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    return false;
                }

                port = rest[1..];
            }
        }
        else
        {
            var parts = text.Split(':');
            if (parts.Length > 2)
            {
                return false;
            }

            host = parts[0];
            port = parts.Length == 2 ? parts[1] : null;
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            return false;
        }

        ushort value = defaultPort;
        if (port is not null && (!ushort.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value == 0))
        {
            return false;
        }

        node = new BrokerNode(host, value);
        return true;
    }
}
