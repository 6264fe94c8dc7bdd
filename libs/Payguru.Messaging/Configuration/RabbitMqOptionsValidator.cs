using Microsoft.Extensions.Options;
using Payguru.Messaging.Broker;

namespace Payguru.Messaging.Configuration;

public sealed class RabbitMqOptionsValidator : IValidateOptions<RabbitMqOptions>
{
    public ValidateOptionsResult Validate(string? name, RabbitMqOptions options)
    {
        var failures = new List<string>();
        BrokerAddress.TryResolve(options, failures);

        // Enum.TryParse would also take "1" or "Classic,Quorum"; only the names are settings.
        if (!Enum.GetNames<RabbitMqQueueType>().Contains(options.QueueType?.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"RabbitMq:QueueType must be {string.Join(" or ", Enum.GetNames<RabbitMqQueueType>())} (was '{options.QueueType}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
