using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;

namespace Payguru.RefundProcessor.Options;

/// <summary>Fails the start on database settings that cannot work, naming the setting (never repeating the connection string, which may hold a password).</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => string.IsNullOrWhiteSpace(options.ConnectionString)
            ? ValidateOptionsResult.Fail("ConnectionStrings:Payguru is required (for SQLite, e.g. \"Data Source=payguru.db\").")
            : ValidateOptionsResult.Success,
        DatabaseProvider.SqlServer => ValidateSqlServer(options.ConnectionString),
        _ => ValidateOptionsResult.Fail("Database:Provider must be Sqlite or SqlServer."),
    };

    static ValidateOptionsResult ValidateSqlServer(string connectionString)
    {
        const string Example = "e.g. \"Server=localhost,1433;Database=payguru;User Id=...;Password=...;TrustServerCertificate=true\"";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Payguru is required for SQL Server ({Example}).");
        }

        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException)
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Payguru is not a SQL Server connection string ({Example}).");
        }

        if (string.IsNullOrWhiteSpace(builder.DataSource))
        {
            return ValidateOptionsResult.Fail($"ConnectionStrings:Payguru must name the server (Server=...; {Example}).");
        }

        // Without one the tables would land in the login's default database, usually master.
        return string.IsNullOrWhiteSpace(builder.InitialCatalog)
            ? ValidateOptionsResult.Fail($"ConnectionStrings:Payguru must name the database (Database=...; {Example}).")
            : ValidateOptionsResult.Success;
    }
}
