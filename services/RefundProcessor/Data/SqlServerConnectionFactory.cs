using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// SQL Server connections from ConnectionStrings:Payguru, pooled by SqlClient. Transactions begin
/// at READ COMMITTED (SqlClient's default); the statements that must wait for a concurrent writer
/// say so with their own lock hints (see the SqlServer…Queries classes).
/// </summary>
public sealed class SqlServerConnectionFactory(IOptions<DatabaseOptions> options) : IDbConnectionFactory
{
    static SqlServerConnectionFactory() => DatabaseTypes.Register();

    const int CannotOpenDatabase = 4060;

    readonly string _connectionString = options.Value.ConnectionString;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Creates the database through master only when it cannot be opened because it does not exist, so a login
    /// without rights on master works once the database exists.
    /// </summary>
    public async Task EnsureDatabaseAsync(CancellationToken cancellationToken)
    {
        var target = new SqlConnectionStringBuilder(_connectionString);
        // Unpooled: a failed open would otherwise make the pool fail the next opens for a while.
        await using (var probe = new SqlConnection(new SqlConnectionStringBuilder(target.ConnectionString) { Pooling = false }.ConnectionString))
        {
            try
            {
                await probe.OpenAsync(cancellationToken);
                return;
            }
            catch (SqlException exception) when (exception.Errors.Cast<SqlError>().Any(error => error.Number == CannotOpenDatabase))
            {
                // Missing (or not open to this login, which the check below leaves to the migration's open to report).
            }
        }

        await using var master = new SqlConnection(new SqlConnectionStringBuilder(target.ConnectionString) { InitialCatalog = "master", Pooling = false }.ConnectionString);
        await master.OpenAsync(cancellationToken);
        await master.ExecuteAsync(CreateDatabase, new { Database = target.InitialCatalog });
    }

    // Instances starting together create it once: the lock is the session's, released at the latest
    // when the unpooled connection closes.
    const string CreateDatabase = """
        DECLARE @granted INT;
        EXEC @granted = sp_getapplock @Resource = N'payguru:create-database', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = 60000;
        IF @granted < 0 THROW 51000, N'The database creation lock was not granted within a minute.', 1;
        IF DB_ID(@Database) IS NULL
        BEGIN
            DECLARE @create NVARCHAR(MAX) = N'CREATE DATABASE ' + QUOTENAME(@Database) + N';';
            EXEC (@create);
        END;
        EXEC sp_releaseapplock @Resource = N'payguru:create-database', @LockOwner = N'Session';
        """;
}
