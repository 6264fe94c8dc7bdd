using System.Security.Cryptography.X509Certificates;
using Payguru.Messaging.Configuration;

namespace Payguru.Messaging.Broker;

/// <summary>
/// Where the broker is and how to reach it (a URI or the parts, one host or a cluster, plain or TLS), with its
/// certificates loaded. Every client of the broker (the bus, the error-queue tool) connects from this.
/// </summary>
public sealed record BrokerAddress(
    IReadOnlyList<BrokerNode> Nodes,
    string VirtualHost,
    string Username,
    string Password,
    bool UseTls,
    string? TlsServerName,
    X509Certificate2Collection? TrustedCas,
    X509Certificate2? ClientCertificate)
{
    public const ushort AmqpPort = 5672;
    public const ushort AmqpsPort = 5671;

    /// <summary>The address, or null with every problem named by its setting in <paramref name="problems"/> (never a password).</summary>
    public static BrokerAddress? TryResolve(RabbitMqOptions options, List<string> problems)
    {
        var before = problems.Count;
        var uri = string.IsNullOrWhiteSpace(options.Uri) ? null : ReadUri(options, problems);
        var useTls = uri?.UseTls ?? options.UseTls;
        var port = uri?.Port ?? options.Port;
        var virtualHost = uri?.VirtualHost ?? options.VirtualHost;
        var username = uri?.Username ?? options.Username;

        var defaultPort = port ?? (useTls ? AmqpsPort : AmqpPort);
        var nodes = new List<BrokerNode>();
        if (options.Hosts.Count > 0)
        {
            foreach (var entry in options.Hosts)
            {
                if (BrokerNode.TryParse(entry, defaultPort, out var node))
                {
                    nodes.Add(node);
                }
                else
                {
                    problems.Add($"RabbitMq:Hosts entries must be host or host:port with a port from 1 to 65535 (was '{entry}').");
                }
            }
        }
        else if ((uri?.Host ?? NullIfBlank(options.Host)) is { } host)
        {
            nodes.Add(new BrokerNode(host, defaultPort));
        }
        else
        {
            problems.Add("RabbitMq:Host is required (or RabbitMq:Uri, or RabbitMq:Hosts for a cluster).");
        }

        if (port == 0)
        {
            problems.Add("RabbitMq:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(virtualHost))
        {
            problems.Add("RabbitMq:VirtualHost is required ('/' is the default virtual host).");
        }

        if (string.IsNullOrWhiteSpace(username))
        {
            problems.Add("RabbitMq:Username is required.");
        }

        var (trustedCas, clientCertificate) = useTls ? BrokerCertificateFiles.Load(options, problems) : (null, null);
        if (!useTls)
        {
            problems.AddRange(TlsSettingsWithoutTls(options));
        }

        return problems.Count > before
            ? null
            : new BrokerAddress(
                nodes, virtualHost, username, uri?.Password ?? options.Password, useTls, NullIfBlank(options.TlsServerName), trustedCas, clientCertificate);
    }

    public static BrokerAddress Resolve(RabbitMqOptions options)
    {
        var problems = new List<string>();
        return TryResolve(options, problems) ?? throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>Where the broker is, for messages: never the password.</summary>
    public string Describe() =>
        $"virtual host '{VirtualHost}' on {string.Join(", ", Nodes)}{(UseTls ? " over TLS" : "")}";

    /// <summary>What an <c>amqp://</c> or <c>amqps://</c> URI says; null where it says nothing.</summary>
    sealed record UriParts(bool UseTls, string Host, ushort? Port, string? Username, string? Password, string? VirtualHost);

    static UriParts? ReadUri(RabbitMqOptions options, List<string> problems)
    {
        // The URI carries a password: no message repeats it.
        if (!System.Uri.TryCreate(options.Uri!.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            problems.Add("RabbitMq:Uri must be amqp://host[:port][/vhost] or amqps://… (user:password@ optional); it is not (value not shown: it may hold a password).");
            return null;
        }

        if (uri.Scheme == "amqp" && options.UseTls)
        {
            problems.Add("RabbitMq:UseTls is true but RabbitMq:Uri is amqp://: write amqps:// for TLS.");
        }

        if (options.Hosts.Count > 0)
        {
            problems.Add("RabbitMq:Uri and RabbitMq:Hosts both name the broker: for a cluster give RabbitMq:Hosts with the parts (Username, Password, VirtualHost, UseTls) instead of a URI.");
        }

        // amqp://host/vhost: one path segment, with '/' written %2F ("amqp://host/%2F" is the default virtual host).
        var path = uri.AbsolutePath.TrimStart('/');
        if (path.Contains('/'))
        {
            problems.Add("RabbitMq:Uri's virtual host must be one path segment (write a '/' inside it as %2F).");
        }

        var colon = uri.UserInfo.IndexOf(':');
        return new UriParts(
            uri.Scheme == "amqps",
            uri.IdnHost.Trim('[', ']'),
            !uri.IsDefaultPort && uri.Port is > 0 and <= ushort.MaxValue ? (ushort)uri.Port : null,
            uri.UserInfo.Length == 0 ? null : System.Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]),
            colon < 0 ? null : System.Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]),
            path.Length == 0 ? null : System.Uri.UnescapeDataString(path));
    }

    // A certificate setting without TLS would connect in plain text while the operator believes otherwise.
    static IEnumerable<string> TlsSettingsWithoutTls(RabbitMqOptions options) =>
        new[] { ("TlsServerName", options.TlsServerName), ("TrustedCaFile", options.TrustedCaFile), ("ClientCertificatePath", options.ClientCertificatePath) }
            .Where(setting => !string.IsNullOrWhiteSpace(setting.Item2))
            .Select(setting => $"RabbitMq:{setting.Item1} is set but TLS is off: set RabbitMq:UseTls to true (or use an amqps:// RabbitMq:Uri).");

    static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
