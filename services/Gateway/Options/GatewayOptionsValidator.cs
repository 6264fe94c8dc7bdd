using Microsoft.Extensions.Options;

namespace Payguru.Gateway.Options;

/// <summary>Fails the start on gateway settings that cannot work, naming the setting.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    static readonly TimeSpan MaxPublishTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan MaxQueryTimeout = TimeSpan.FromSeconds(60);

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.PublishTimeout <= TimeSpan.Zero || options.PublishTimeout > MaxPublishTimeout)
        {
            failures.Add("Gateway:PublishTimeout must be more than zero and at most 00:01:00.");
        }

        if (options.QueryTimeout <= TimeSpan.Zero || options.QueryTimeout > MaxQueryTimeout)
        {
            failures.Add("Gateway:QueryTimeout must be more than zero and at most 00:01:00.");
        }

        if (options.ClientTokenTimeout <= TimeSpan.Zero || options.ClientTokenTimeout > MaxQueryTimeout)
        {
            failures.Add("Gateway:ClientTokenTimeout must be more than zero and at most 00:01:00.");
        }

        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Gateway:ApiKeys must not contain empty keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
