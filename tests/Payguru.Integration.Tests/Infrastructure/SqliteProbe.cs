using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// Reads a SQLite file another process writes (the processor's database), read-only. A file or table that does not
/// exist yet reads as empty, so tests can poll from before the service has created it.
/// </summary>
public sealed class SqliteProbe : ProcessorDatabase
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

    public override IReadOnlyDictionary<string, string?> ProcessorSettings => new Dictionary<string, string?>
    {
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Payguru"] = WriterConnectionString,
    };

    public override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(WriterConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(
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
            return await ReadRowsAsync(command, parameters, cancellationToken);
        }
        catch (SqliteException e) when (IsNotCreatedYet(e))
        {
            return [];
        }
    }

    public async Task<bool> TableExistsAsync(string table, CancellationToken cancellationToken = default) =>
        await CountAsync("sqlite_master", "type = 'table' AND name = $name",
            new Dictionary<string, object?> { ["$name"] = table }, cancellationToken) > 0;

    public override string ToString() => DatabasePath;

    private static bool IsNotCreatedYet(SqliteException e) =>
        e.SqliteErrorCode is CantOpen or NotADatabase
        || e.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase);
}
