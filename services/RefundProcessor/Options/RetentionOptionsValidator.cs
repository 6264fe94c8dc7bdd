using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        // Shorter than a day would forget message ids while redeliveries of them may still come.
        if (options.Inbox < TimeSpan.FromDays(1))
        {
            failures.Add("Retention:Inbox must be at least 1.00:00:00 (one day).");
        }

        if (options.SentOutbox <= TimeSpan.Zero)
        {
            failures.Add("Retention:SentOutbox must be more than zero.");
        }

        if (options.Identities <= TimeSpan.Zero)
        {
            failures.Add("Retention:Identities must be more than zero.");
        }

        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add("Retention:Interval must be more than zero.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
