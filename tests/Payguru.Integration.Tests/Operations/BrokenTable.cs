using Microsoft.Data.Sqlite;

namespace Payguru.Integration.Tests.Operations;

/// <summary>
/// A real fault in the processor's database without touching its code: a table renamed away, so every statement
/// on it fails ("no such table"), and renamed back to fix it.
/// </summary>
public sealed class BrokenTable(string databasePath, string table)
{
    readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = databasePath,
        Mode = SqliteOpenMode.ReadWrite,
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    string Hidden => $"{table}_unavailable";

    public Task BreakAsync() => RenameAsync(table, Hidden);

    public Task FixAsync() => RenameAsync(Hidden, table);

    async Task RenameAsync(string from, string to)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"ALTER TABLE \"{from}\" RENAME TO \"{to}\"";
        await command.ExecuteNonQueryAsync();
    }
}
