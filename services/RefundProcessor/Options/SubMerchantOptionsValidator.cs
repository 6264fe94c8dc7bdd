using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

public sealed class SubMerchantOptionsValidator : IValidateOptions<SubMerchantOptions>
{
    public ValidateOptionsResult Validate(string? name, SubMerchantOptions options)
    {
        var failures = new List<string>();
        if (options.RecheckAfter <= TimeSpan.Zero)
        {
            failures.Add("SubMerchants:RecheckAfter must be more than zero.");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
        {
            failures.Add("SubMerchants:SweepInterval must be more than zero.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
