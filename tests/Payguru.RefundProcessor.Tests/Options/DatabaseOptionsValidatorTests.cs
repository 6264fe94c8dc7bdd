using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Tests.Options;

/// <summary>Database settings that cannot work stop the start with a message naming the setting, never the password.</summary>
public sealed class DatabaseOptionsValidatorTests
{
    const string Password = "Secret-Pw1";

    readonly DatabaseOptionsValidator _validator = new();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=payguru.db")]
    [InlineData(DatabaseProvider.SqlServer, $"Server=localhost,1433;Database=payguru;User Id=sa;Password={Password};TrustServerCertificate=true")]
    [InlineData(DatabaseProvider.SqlServer, "Data Source=db.internal;Initial Catalog=payguru;Integrated Security=true")]
    public void Working_settings_are_accepted(DatabaseProvider provider, string connectionString)
    {
        Assert.True(_validator.Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = connectionString }).Succeeded);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "", "ConnectionStrings:Payguru is required")]
    [InlineData(DatabaseProvider.SqlServer, " ", "ConnectionStrings:Payguru is required for SQL Server")]
    [InlineData(DatabaseProvider.SqlServer, $"Server=localhost;User Id=sa;Password={Password}", "ConnectionStrings:Payguru must name the database")]
    [InlineData(DatabaseProvider.SqlServer, $"Database=payguru;User Id=sa;Password={Password}", "ConnectionStrings:Payguru must name the server")]
    [InlineData(DatabaseProvider.SqlServer, $"Server=localhost;Database=payguru;Pasword={Password}", "ConnectionStrings:Payguru is not a SQL Server connection string")]
    [InlineData((DatabaseProvider)7, "Data Source=payguru.db", "Database:Provider must be Sqlite or SqlServer")]
    public void Settings_that_cannot_work_are_refused_naming_the_setting_without_the_password(DatabaseProvider provider, string connectionString, string expected)
    {
        var result = _validator.Validate(null, new DatabaseOptions { Provider = provider, ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.StartsWith(expected, result.FailureMessage);
        Assert.DoesNotContain(Password, result.FailureMessage);
    }
}
