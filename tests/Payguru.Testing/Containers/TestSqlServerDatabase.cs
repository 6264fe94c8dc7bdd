using Microsoft.Data.SqlClient;

namespace Payguru.Testing.Containers;

/// <summary>
/// A database name of its own on the <see cref="TestSqlServer"/>, for one test. Not created here: the processor's
/// migrator creates a missing database, as it does on a fresh production server. Dropped on dispose, with every
/// connection still open to it.
/// </summary>
public sealed class TestSqlServerDatabase(string serverConnectionString) : IAsyncDisposable
{
    public string Name { get; } = $"payguru_test_{Guid.NewGuid():N}";

    public string ConnectionString => new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = Name }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        // Pooled connections keep the database in use; close them, and any left open elsewhere, before dropping it.
        SqlConnection.ClearPool(new SqlConnection(ConnectionString));
        await using var master = new SqlConnection(new SqlConnectionStringBuilder(serverConnectionString) { InitialCatalog = "master" }.ConnectionString);
        await master.OpenAsync();
        await using var drop = master.CreateCommand();
        drop.CommandText = $"""
            IF DB_ID(N'{Name}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{Name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{Name}];
            END;
            """;
        await drop.ExecuteNonQueryAsync();
    }
}
