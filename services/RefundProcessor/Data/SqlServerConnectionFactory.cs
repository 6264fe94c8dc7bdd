using System.Data.Common;
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
}
