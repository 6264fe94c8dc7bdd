using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

/// <summary>Fails the start on database settings that cannot work, naming the setting.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            // The SQL Server dialect (scripts, queries, ScriptDom checks) is not in this build yet.
            return ValidateOptionsResult.Fail("Database:Provider=SqlServer is not available in this version; use Sqlite.");
        }

        if (!Enum.IsDefined(options.Provider))
        {
            return ValidateOptionsResult.Fail("Database:Provider must be Sqlite.");
        }

        return string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("ConnectionStrings:Payguru is required (for SQLite, e.g. \"Data Source=payguru.db\").")
            : ValidateOptionsResult.Success;
    }
}
