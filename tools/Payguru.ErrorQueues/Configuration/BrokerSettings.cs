using Microsoft.Extensions.Configuration;
using Payguru.Messaging.Configuration;

namespace Payguru.ErrorQueues.Configuration;

/// <summary>
/// The broker as the services see it (the <c>RabbitMq</c> section: <c>RabbitMq__Host</c>, …, validated the same way)
/// plus <c>RabbitMq:ManagementUrl</c>, where RabbitMQ's management API lists the virtual host's queues.
/// </summary>
public sealed record BrokerSettings(RabbitMqOptions RabbitMq, Uri ManagementUrl)
{
    public const string ManagementUrlKey = "RabbitMq:ManagementUrl";

    /// <summary>The settings, or null with every problem named in <paramref name="errors"/>.</summary>
    public static BrokerSettings? Load(IConfiguration configuration, out IReadOnlyList<string> errors)
    {
        var rabbitMq = new RabbitMqOptions();
        configuration.GetSection(RabbitMqOptions.SectionName).Bind(rabbitMq);
        var problems = new List<string>();
        var validation = new RabbitMqOptionsValidator().Validate(null, rabbitMq);
        if (validation.Failed)
        {
            problems.AddRange(validation.Failures);
        }

        var configured = configuration[ManagementUrlKey];
        var managementUrl = string.IsNullOrWhiteSpace(configured) ? $"http://{rabbitMq.Host}:15672/" : configured.Trim();
        if (!Uri.TryCreate(managementUrl, UriKind.Absolute, out var management) || management.Scheme is not ("http" or "https"))
        {
            problems.Add($"{ManagementUrlKey} must be an http(s) URL such as http://localhost:15672/ (was '{managementUrl}').");
        }

        errors = problems;
        return problems.Count == 0 ? new BrokerSettings(rabbitMq, management!) : null;
    }

    /// <summary>Where the broker is, for messages: never the password.</summary>
    public string Describe() => $"virtual host '{RabbitMq.VirtualHost}' on {RabbitMq.Host}:{RabbitMq.Port}";
}
