using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

public sealed class GroupCommitOptionsValidator : IValidateOptions<GroupCommitOptions>
{
    public ValidateOptionsResult Validate(string? name, GroupCommitOptions options) =>
        options.MaxMessages is < 1 or > 1000
            ? ValidateOptionsResult.Fail("GroupCommit:MaxMessages must be between 1 and 1000.")
            : ValidateOptionsResult.Success;
}
