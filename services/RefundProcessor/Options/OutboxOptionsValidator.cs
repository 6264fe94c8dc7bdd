using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

public sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions options)
    {
        var failures = new List<string>();
        if (options.RelayInterval <= TimeSpan.Zero)
        {
            failures.Add("Outbox:RelayInterval must be more than zero.");
        }

        if (options.PublishTimeout <= TimeSpan.Zero)
        {
            failures.Add("Outbox:PublishTimeout must be more than zero.");
        }

        // A claim must outlive a publish, or a slow publish could be taken over and sent twice.
        if (options.ClaimTimeout < options.PublishTimeout * 2)
        {
            failures.Add("Outbox:ClaimTimeout must be at least twice Outbox:PublishTimeout.");
        }

        // A sent message not marked within ClaimTimeout is sent again by the relay.
        if (options.MarkSentInterval < TimeSpan.Zero || options.MarkSentInterval * 10 > options.ClaimTimeout)
        {
            failures.Add("Outbox:MarkSentInterval must be at least zero and at most a tenth of Outbox:ClaimTimeout.");
        }

        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add("Outbox:BatchSize must be between 1 and 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
