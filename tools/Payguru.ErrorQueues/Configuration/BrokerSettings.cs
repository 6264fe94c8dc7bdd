using Microsoft.Extensions.Configuration;
using Payguru.Messaging.Broker;
using Payguru.Messaging.Configuration;

namespace Payguru.ErrorQueues.Configuration;

/// <summary>
/// The broker as the services see it (the <c>RabbitMq</c> section: <c>RabbitMq__Uri</c>, <c>RabbitMq__Host</c>, …, TLS
/// included, validated the same way) plus <c>RabbitMq:ManagementUrl</c>, where RabbitMQ's management API lists the
/// virtual host's queues: by default the first node's management port, https on 15671 when the broker is reached over TLS.
/// </summary>
public sealed record BrokerSettings(BrokerAddress Broker, Uri ManagementUrl)
{
    public const string ManagementUrlKey = "RabbitMq:ManagementUrl";

    /// <summary>The settings, or null with every problem named in <paramref name="errors"/>.</summary>
    public static BrokerSettings? Load(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        var rabbitMq = new RabbitMqOptions();
        configuration.GetSection(RabbitMqOptions.SectionName).Bind(rabbitMq);
        var problems = new List<string>();
        var broker = BrokerAddress.TryResolve(rabbitMq, problems);

        Uri? management = null;
        var configured = configuration[ManagementUrlKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!Uri.TryCreate(configured.Trim(), UriKind.Absolute, out management) || management.Scheme is not ("http" or "https"))
            {
                problems.Add($"{ManagementUrlKey} must be an http(s) URL such as http://localhost:15672/ (was '{configured.Trim()}').");
            }
        }
        else if (broker is not null)
        {
            var host = broker.Nodes[0].Host;
            management = new UriBuilder(broker.UseTls ? "https" : "http", host, broker.UseTls ? 15671 : 15672, "/").Uri;
        }

        errors = problems;
        return problems.Count == 0 ? new BrokerSettings(broker!, management!) : null;
    }

    /// <summary>Where the broker is, for messages: never the password.</summary>
    public string Describe() => Broker.Describe();
}
