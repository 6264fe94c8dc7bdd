using Microsoft.Extensions.Options;

namespace Payguru.Gateway.Options;

public sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    // Payguru's own timeout is not documented; the sandbox waits 10 s. Past this the answer may come too late.
    static readonly TimeSpan MaxIdentityTimeout = TimeSpan.FromSeconds(8);

    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        Timeout(failures, "PublishTimeout", options.PublishTimeout, MaxTimeout, "");
        Timeout(failures, "QueryTimeout", options.QueryTimeout, MaxTimeout, "");
        Timeout(failures, "ClientTokenTimeout", options.ClientTokenTimeout, MaxTimeout, "");
        Timeout(failures, "IdentityTimeout", options.IdentityTimeout, MaxIdentityTimeout, " (Payguru must read the answer before its own timeout)");
        if (options.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Gateway:ApiKeys must not contain empty keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void Timeout(List<string> failures, string setting, TimeSpan value, TimeSpan max, string why)
    {
        if (value <= TimeSpan.Zero || value > max)
        {
            failures.Add($"{GatewayOptions.SectionName}:{setting} must be more than zero and at most {max:c}{why}.");
        }
    }
}
