using Microsoft.Extensions.Options;

namespace Payguru.Gateway.Options;

/// <summary>Fails the start on gateway settings that cannot work, naming the setting.</summary>
public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    static readonly TimeSpan MaxPublishTimeout = TimeSpan.FromSeconds(60);
    static readonly TimeSpan MaxQueryTimeout = TimeSpan.FromSeconds(60);

    // Payguru's own timeout is not documented; the sandbox waits 10 s. Past this the answer may come too late.
    static readonly TimeSpan MaxIdentityTimeout = TimeSpan.FromSeconds(8);

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

        if (options.IdentityTimeout <= TimeSpan.Zero || options.IdentityTimeout > MaxIdentityTimeout)
        {
            failures.Add("Gateway:IdentityTimeout must be more than zero and at most 00:00:08 (Payguru must read the answer before its own timeout).");
        }

        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Gateway:ApiKeys must not contain empty keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
