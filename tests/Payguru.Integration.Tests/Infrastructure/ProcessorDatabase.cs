using System.Data.Common;
using Payguru.Testing;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// The database a processor under test runs on, read from outside its process: a SQLite file
/// (<see cref="SqliteProbe"/>) or a database on SQL Server (<see cref="SqlServerProbe"/>). A database or table the
/// processor has not created yet reads as empty, so tests can poll from before it starts.
/// </summary>
public abstract class ProcessorDatabase : IAsyncDisposable
{
    /// <summary>The processor's <c>Database__Provider</c> and <c>ConnectionStrings__Payguru</c> for this database.</summary>
    public abstract IReadOnlyDictionary<string, string?> ProcessorSettings { get; }

    /// <summary>Rows as column name to value (null for NULL); empty when the database or a table in the query does not exist.</summary>
    public abstract Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(
        string sql,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default);

    /// <summary>A connection that may write, for a test that plays another writer (a crashed instance's rows).</summary>
    public abstract Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>SELECT COUNT(*) FROM table [WHERE where]</c>; 0 when the database or the table does not exist.
    /// <paramref name="where"/> is SQL; pass values through <paramref name="parameters"/>.
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

    /// <summary>Polls <see cref="CountAsync"/> until it equals <paramref name="expected"/>; returns the count.</summary>
    /// <param name="time">The clock of the polling steps (see <see cref="Poll.WaitUntilAsync{T}"/>).</param>
    public Task<long> WaitForCountAsync(
        string table,
        long expected,
        TimeSpan timeout,
        string? where = null,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default,
        TimeProvider? time = null) =>
        Poll.WaitUntilAsync(
            token => CountAsync(table, where, parameters, token),
            count => count == expected,
            timeout,
            $"{expected} rows in {table}{(where is null ? "" : $" where {where}")} of {this}",
            interval: null,
            cancellationToken,
            time);

    /// <summary>Polls any query against this database (see <see cref="Poll.WaitUntilAsync{T}"/>).</summary>
    public Task<T> WaitUntilAsync<T>(
        Func<CancellationToken, Task<T>> probe,
        Func<T, bool> done,
        TimeSpan timeout,
        string description,
        CancellationToken cancellationToken = default) =>
        Poll.WaitUntilAsync(probe, done, timeout, description, interval: null, cancellationToken);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Reads every row of <paramref name="command"/> as column name to value.</summary>
    protected static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> ReadRowsAsync(
        DbCommand command, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
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

    // Double quotes delimit an identifier in SQLite and in SQL Server (QUOTED_IDENTIFIER is on for SqlClient).
    static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
