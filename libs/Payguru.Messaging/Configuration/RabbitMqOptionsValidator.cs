using Microsoft.Extensions.Options;

namespace Payguru.Messaging.Configuration;

/// <summary>Fails the start on broker settings that cannot work, naming the setting.</summary>
public sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("RabbitMq:Host is required.");
        }

        if (options.Port == 0)
        {
            failures.Add("RabbitMq:Port must be between 1 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(options.VirtualHost))
        {
            failures.Add("RabbitMq:VirtualHost is required ('/' is the default virtual host).");
        }

        if (string.IsNullOrWhiteSpace(options.Username))
        {
            failures.Add("RabbitMq:Username is required.");
        }

        // Enum.TryParse would also take "1" or "Classic,Quorum"; only the names are settings.
        if (!Enum.GetNames<RabbitMqQueueType>().Contains(options.QueueType?.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"RabbitMq:QueueType must be {string.Join(" or ", Enum.GetNames<RabbitMqQueueType>())} (was '{options.QueueType}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
