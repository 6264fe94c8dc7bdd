using Microsoft.Extensions.Options;

namespace Payguru.Provider.Configuration;

/// <summary>No Paywall setting at all is fine (Paywall is off); some but not all stops the start. Never echoes a value.</summary>
public sealed class PaywallOptionsValidator : IValidateOptions<PaywallOptions>
{
    public ValidateOptionsResult Validate(string? name, PaywallOptions options)
    {
        var failures = new List<string>();
        var required = options.Required.ToList();
        var missing = required.Where(setting => string.IsNullOrWhiteSpace(setting.Value)).Select(setting => setting.Name).ToList();
        if (missing.Count > 0 && missing.Count < required.Count)
        {
            failures.AddRange(missing.Select(setting =>
                $"{setting} is required once any Paywall setting is given (Paywall:BaseUrl, Paywall:MemberBaseUrl, Paywall:ApiKeyPublic, Paywall:ApiClientPublic go together)."));
        }

        foreach (var (setting, value) in required.Take(2))
        {
            if (!string.IsNullOrWhiteSpace(value) && !IsHttpUrl(value))
            {
                failures.Add($"{setting} must be an absolute http(s) URL.");
            }
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Paywall:RequestTimeout must be more than zero and at most 00:05:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
