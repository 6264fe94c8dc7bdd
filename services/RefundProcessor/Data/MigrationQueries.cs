namespace Payguru.RefundProcessor.Data;

/// <summary>The statements <see cref="SchemaMigrator"/> runs around the scripts.</summary>
public abstract class MigrationQueries
{
    /// <summary>Run once on the migrating connection, outside any transaction; null when the dialect needs nothing.</summary>
    public abstract string? PrepareDatabase { get; }

    /// <summary>Holds off other migrating instances until the transaction ends; null when its transactions already exclude each other.</summary>
    public abstract string? LockForMigration { get; }

    public abstract string CreateHistoryTable { get; }

    public string CountApplied => "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;";

    public string RecordApplied => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);";
}
