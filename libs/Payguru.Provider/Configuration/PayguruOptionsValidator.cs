using Microsoft.Extensions.Options;

namespace Payguru.Provider.Configuration;

/// <summary>A missing key stops the start with a message naming the setting, instead of failing the first callback. Never echoes a value.</summary>
public sealed class PayguruOptionsValidator : IValidateOptions<PayguruOptions>
{
    public ValidateOptionsResult Validate(string? name, PayguruOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.MerchantId))
        {
            failures.Add("Payguru:MerchantId is required (the merchant id Payguru issued).");
        }
        else if (!options.MerchantId.All(char.IsAsciiDigit))
        {
            failures.Add("Payguru:MerchantId must be a number.");
        }

        if (string.IsNullOrWhiteSpace(options.MerchantKey))
        {
            failures.Add("Payguru:MerchantKey is required (the merchant's private key).");
        }

        if (!string.IsNullOrWhiteSpace(options.BaseUrl) && !Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Payguru:BaseUrl must be an absolute URL.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Payguru:RequestTimeout must be more than zero and at most 00:05:00.");
        }

        if (options.Services.Count == 0)
        {
            failures.Add("Payguru:Services needs at least one service ({ Code, Key }).");
        }

        for (var i = 0; i < options.Services.Count; i++)
        {
            var service = options.Services[i];
            if (string.IsNullOrWhiteSpace(service.Code))
            {
                failures.Add($"Payguru:Services:{i}:Code is required.");
            }
            else if (service.Code.Length > PayguruServiceOptions.MaxCodeLength)
            {
                failures.Add($"Payguru:Services:{i}:Code must be at most {PayguruServiceOptions.MaxCodeLength} characters.");
            }

            if (string.IsNullOrWhiteSpace(service.Key))
            {
                failures.Add($"Payguru:Services:{i}:Key is required.");
            }
        }

        var duplicates = options.Services.GroupBy(s => s.Code).Where(g => g.Count() > 1).Select(g => g.Key);
        failures.AddRange(duplicates.Select(code => $"Payguru:Services lists the service code '{code}' more than once."));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
