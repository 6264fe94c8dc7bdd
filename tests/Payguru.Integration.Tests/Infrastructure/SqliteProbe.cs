using Microsoft.Data.Sqlite;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// Reads a SQLite file another process writes (the processor's database), read-only. A file or table that does not
/// exist yet reads as empty, so tests can poll from before the service has created it.
/// </summary>
public sealed class SqliteProbe
{
    // Codes a database being created reads as: SQLITE_CANTOPEN (no file yet), SQLITE_NOTADB (header not written yet).
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    private readonly string _connectionString;

    public SqliteProbe(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // No pool: a pooled handle would keep the file open after the test and across the writer's restarts.
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary><c>Data Source=&lt;absolute path&gt;</c>, as the processor's ConnectionStrings__Payguru expects.</summary>
    public string WriterConnectionString => $"Data Source={DatabasePath}";

    public bool DatabaseExists => File.Exists(DatabasePath);

    /// <summary>
    /// <c>SELECT COUNT(*) FROM table [WHERE where]</c>; 0 when the file or the table does not exist.
    /// <paramref name="where"/> is SQL; pass values through <paramref name="parameters"/> (<c>$txid</c> =&gt; 42).
    /// </summary>
    public async Task<long> CountAsync(
        string table,
        string? where = null,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT COUNT(*) FROM {QuoteIdentifier(table)}" + (where is null ? "" : $" WHERE {where}");
        var rows = await QueryAsync(sql, parameters, cancellationToken);
        return rows.Count == 0 ? 0 : Convert.ToInt64(rows[0].Values.Single(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rows as column name to value (null for NULL); empty when the file or a table in the query does not exist.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(
        string sql,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        // Opening read-only never creates the file, but checking first avoids an exception per poll.
        if (!DatabaseExists)
        {
            return [];
        }

        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            var rows = new List<IReadOnlyDictionary<string, object?>>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = new Dictionary<string, object?>(reader.FieldCount, StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (SqliteException e) when (IsNotCreatedYet(e))
        {
            return [];
        }
    }

    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken = default) =>
        await CountAsync("sqlite_master", "type = 'table' AND name = $name",
            new Dictionary<string, object?> { ["$name"] = table }, cancellationToken) > 0;

    /// <summary>Polls <see cref="CountAsync"/> until it equals <paramref name="expected"/>; returns the count.</summary>
    public Task<long> WaitForCountAsync(
        string table,
        long expected,
        TimeSpan timeout,
        string? where = null,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default) =>
        WaitUntilAsync(
            token => CountAsync(table, where, parameters, token),
            count => count == expected,
            timeout,
            $"{expected} rows in {table}{(where is null ? "" : $" where {where}")} of {DatabasePath}",
            cancellationToken);

    /// <summary>Polls any query against this database (see <see cref="Poll.WaitUntilAsync{T}"/>).</summary>
    public Task<T> WaitUntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string description,
        CancellationToken cancellationToken = default) =>
        Poll.WaitUntilAsync(probe, done, timeout, description, interval: null, cancellationToken);

    private static bool IsNotCreatedYet(SqliteException e) =>
        e.SqliteErrorCode is CantOpen or NotADatabase
        || e.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase);

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
