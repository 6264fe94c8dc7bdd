using Microsoft.Extensions.Options;

namespace Payguru.Gateway.Options;

public sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    const int MaxBodyBytes = 1024 * 1024;

    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        var failures = new List<string>();
        Range(failures, "CallbackBodyBytes", options.CallbackBodyBytes, 1024, MaxBodyBytes);
        Range(failures, "RefundBodyBytes", options.RefundBodyBytes, 1024, MaxBodyBytes);
        Range(failures, "ClientTokenBodyBytes", options.ClientTokenBodyBytes, 256, MaxBodyBytes);
        Range(failures, "CallbackFields", options.CallbackFields, 20, 10_000);
        Range(failures, "FieldNameLength", options.FieldNameLength, 32, 64 * 1024);
        Range(failures, "FieldValueLength", options.FieldValueLength, 256, MaxBodyBytes);
        Range(failures, "HeadersBytes", options.HeadersBytes, 4 * 1024, 1024 * 1024);
        Range(failures, "HeaderCount", options.HeaderCount, 16, 1000);
        Range(failures, "RequestLineBytes", options.RequestLineBytes, 2 * 1024, 64 * 1024);
        Range(failures, "MinBodyBytesPerSecond", options.MinBodyBytesPerSecond, 1, 1024 * 1024);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void Range(List<string> failures, string setting, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{RequestLimitsOptions.SectionName}:{setting} must be from {min} to {max}.");
        }
    }
}
