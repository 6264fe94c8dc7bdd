namespace OrderService;

/// <summary>
/// Where the bus connects, from <see cref="RabbitMqSettings"/>: the URI's parts when <c>RabbitMq:Uri</c> is set, else
/// the separate settings. A URI that cannot be read stops the start with a message that does not repeat it (it
/// holds the password).
/// </summary>
public sealed record BrokerEndpoint(
    string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls, string? TlsServerName, string? TrustedCaFile)
{
    public static BrokerEndpoint From(RabbitMqSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Uri))
        {
            return new BrokerEndpoint(settings.Host, settings.Port ?? DefaultPort(settings.UseTls), settings.VirtualHost,
                settings.Username, settings.Password, settings.UseTls, settings.TlsServerName, settings.TrustedCaFile);
        }

        if (!System.Uri.TryCreate(settings.Uri.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Host.Length == 0)
        {
            throw new InvalidOperationException("RabbitMq:Uri must be amqp://host… or amqps://user:password@host:port/vhost.");
        }

        if (uri.Scheme == "amqp" && settings.UseTls)
        {
            throw new InvalidOperationException("RabbitMq:Uri is amqp:// (plain) but RabbitMq:UseTls is true: use amqps://.");
        }

        var useTls = uri.Scheme == "amqps";
        var credentials = uri.UserInfo.Split(':', 2);
        var username = credentials[0].Length > 0 ? System.Uri.UnescapeDataString(credentials[0]) : settings.Username;
        var password = credentials.Length == 2 ? System.Uri.UnescapeDataString(credentials[1]) : settings.Password;
        // One path segment, escaped: "/payguru", or "/%2F" for the default virtual host "/"; none means "/".
        var path = uri.AbsolutePath.TrimStart('/');
        var virtualHost = path.Length == 0 ? "/" : System.Uri.UnescapeDataString(path);
        var port = uri.IsDefaultPort || uri.Port < 0 ? DefaultPort(useTls) : (ushort)uri.Port;
        return new BrokerEndpoint(uri.Host, port, virtualHost, username, password, useTls, settings.TlsServerName, settings.TrustedCaFile);
    }

    static ushort DefaultPort(bool useTls) => useTls ? (ushort)5671 : (ushort)5672;
}
