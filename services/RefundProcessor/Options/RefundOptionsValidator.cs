using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

public sealed class RefundOptionsValidator : IValidateOptions<RefundOptions>
{
    public ValidateOptionsResult Validate(string? name, RefundOptions options)
    {
        var failures = new List<string>();
        if (options.RecheckAfter <= TimeSpan.Zero)
        {
            failures.Add("Refunds:RecheckAfter must be more than zero.");
        }

        if (options.SweepInterval <= TimeSpan.Zero)
        {
            failures.Add("Refunds:SweepInterval must be more than zero.");
        }

        if (options.ReconcileAfter <= TimeSpan.Zero)
        {
            failures.Add("Refunds:ReconcileAfter must be more than zero.");
        }

        if (options.ReconcileInterval <= TimeSpan.Zero)
        {
            failures.Add("Refunds:ReconcileInterval must be more than zero.");
        }

        if (options.ReconcileBatchSize is < 1 or > 1000)
        {
            failures.Add("Refunds:ReconcileBatchSize must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
