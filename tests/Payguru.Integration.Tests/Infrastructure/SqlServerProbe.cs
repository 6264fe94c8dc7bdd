using System.Data.Common;
using Microsoft.Data.SqlClient;
using Payguru.Testing.Containers;

namespace Payguru.Integration.Tests.Infrastructure;

/// <summary>
/// A database of its own on the test run's SQL Server (<see cref="TestSqlServer"/>) for the processors of one test:
/// they create and migrate it, as on a fresh production server; dropped on dispose.
/// </summary>
public sealed class SqlServerProbe : ProcessorDatabase
{
    // The database does not exist yet (4060), or a table in the query (208): the processor is still migrating.
    const int CannotOpenDatabase = 4060;
    const int InvalidObjectName = 208;

    readonly TestSqlServerDatabase _database;

    SqlServerProbe(TestSqlServerDatabase database) => _database = database;

    public override IReadOnlyDictionary<string, string?> ProcessorSettings => new Dictionary<string, string?>
    {
        ["Database__Provider"] = "SqlServer",
        ["ConnectionStrings__Payguru"] = _database.ConnectionString,
    };

    /// <summary>A database name on the test run's SQL Server; skips the test when there is none, with the reason.</summary>
    public static async Task<SqlServerProbe> CreateAsync()
    {
        var server = await TestSqlServer.GetAsync();
        Skip.If(server.UnavailableReason is not null, server.UnavailableReason);
        return new SqlServerProbe(new TestSqlServerDatabase(server.ConnectionString!));
    }

    public override async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> QueryAsync(
        string sql,
        IReadOnlyDictionary<string, object?>? parameters = null,
        CancellationToken cancellationToken = default)
    {
        try
        {
            // Unpooled: a pool would keep the database in use, and remember a failed open for a while.
            await using var connection = new SqlConnection(new SqlConnectionStringBuilder(_database.ConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await ReadRowsAsync(command, parameters, cancellationToken);
        }
        catch (SqlException e) when (e.Errors.Cast<SqlError>().Any(error => error.Number is CannotOpenDatabase or InvalidObjectName))
        {
            return [];
        }
    }

    public override async Task<DbConnection> OpenWriterAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqlConnection(_database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public override ValueTask DisposeAsync() => _database.DisposeAsync();

    public override string ToString() => $"SQL Server database {_database.Name}";
}
