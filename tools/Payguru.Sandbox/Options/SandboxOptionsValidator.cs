using Microsoft.Extensions.Options;
using Payguru.Sandbox.Faults;

namespace Payguru.Sandbox.Options;

/// <summary>Fails the start on settings that cannot work, naming the setting and never echoing a key.</summary>
public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var failures = new List<string>();
        if (options.Merchants.Count == 0)
        {
            failures.Add("Sandbox:Merchants needs at least one merchant.");
        }

        for (var i = 0; i < options.Merchants.Count; i++)
        {
            ValidateMerchant(options.Merchants[i], $"Sandbox:Merchants:{i}", failures);
        }

        failures.AddRange(options.Merchants.GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"Sandbox:Merchants lists the merchant id '{g.Key}' more than once."));

        if (options.TokenLifetime <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:TokenLifetime must be more than zero.");
        }

        if (options.FirstTxid < 1 || options.FirstRefundId < 1)
        {
            failures.Add("Sandbox:FirstTxid and Sandbox:FirstRefundId must be 1 or more.");
        }

        if (options.Callbacks.Timeout <= TimeSpan.Zero)
        {
            failures.Add("Sandbox:Callbacks:Timeout must be more than zero.");
        }

        if (options.Callbacks.RetryDelay <= TimeSpan.Zero || options.Callbacks.MaxRetryDelay < options.Callbacks.RetryDelay)
        {
            failures.Add("Sandbox:Callbacks:RetryDelay must be more than zero and at most Sandbox:Callbacks:MaxRetryDelay.");
        }

        if (string.IsNullOrWhiteSpace(options.Paywall.ApiKeyPublic) || string.IsNullOrWhiteSpace(options.Paywall.ApiClientPublic))
        {
            failures.Add("Sandbox:Paywall:ApiKeyPublic and Sandbox:Paywall:ApiClientPublic are required.");
        }

        for (var i = 0; i < options.Faults.Count; i++)
        {
            FaultSpecs.Validate(options.Faults[i], i + 1, out var errors);
            failures.AddRange(errors.Select(e => $"Sandbox:Faults:{i}:{e.Key} {string.Join(" ", e.Value)}"));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void ValidateMerchant(MerchantOptions merchant, string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(merchant.Id) || !merchant.Id.All(char.IsAsciiDigit))
        {
            failures.Add($"{path}:Id is required and must be a number.");
        }

        if (string.IsNullOrWhiteSpace(merchant.Key))
        {
            failures.Add($"{path}:Key is required (the merchant's private key).");
        }

        if (string.IsNullOrWhiteSpace(merchant.ServerIp))
        {
            failures.Add($"{path}:ServerIp is required (part of the token key).");
        }

        if (!Uri.TryCreate(merchant.CallbackBaseUrl, UriKind.Absolute, out var callbackBase)
            || (callbackBase.Scheme != Uri.UriSchemeHttp && callbackBase.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{path}:CallbackBaseUrl must be an absolute http(s) URL (where /PhsNotifyService lives).");
        }

        if (merchant.Services.Count == 0)
        {
            failures.Add($"{path}:Services needs at least one service ({{ Code, Key, Id }}).");
        }

        for (var i = 0; i < merchant.Services.Count; i++)
        {
            var service = merchant.Services[i];
            if (string.IsNullOrWhiteSpace(service.Code) || string.IsNullOrWhiteSpace(service.Key))
            {
                failures.Add($"{path}:Services:{i} needs a Code and a Key.");
            }
        }

        failures.AddRange(merchant.Services.GroupBy(s => s.Code).Where(g => g.Count() > 1)
            .Select(g => $"{path}:Services lists the service code '{g.Key}' more than once."));
    }
}
