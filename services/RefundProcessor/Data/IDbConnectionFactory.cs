using System.Data.Common;

namespace Payguru.RefundProcessor.Data;

/// <summary>Opens connections to the processor's database, set up for its dialect.</summary>
public interface IDbConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Run at start-up, before the schema migration.</summary>
    Task EnsureDatabaseAsync(CancellationToken cancellationToken);
}
