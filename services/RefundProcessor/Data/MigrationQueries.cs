namespace Payguru.RefundProcessor.Data;

/// <summary>
/// The statements <see cref="SchemaMigrator"/> runs around the scripts: shared ones here, the
/// dialects' own in <see cref="SqliteMigrationQueries"/> and <see cref="SqlServerMigrationQueries"/>.
/// </summary>
public abstract class MigrationQueries
{
    /// <summary>Run once on the migrating connection, outside any transaction; null when the dialect needs nothing.</summary>
    public abstract string? PrepareDatabase { get; }

    /// <summary>
    /// Run first in each migration transaction: holds off other migrating instances until it ends;
    /// null when the dialect's transactions already exclude each other.
    /// </summary>
    public abstract string? LockForMigration { get; }

    public abstract string CreateHistoryTable { get; }

    public string CountApplied => "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;";

    public string RecordApplied => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);";
}
