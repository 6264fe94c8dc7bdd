namespace Payguru.RefundProcessor.Data;

/// <summary>The statements <see cref="SchemaMigrator"/> runs around the scripts, which differ between dialects.</summary>
public interface IMigrationQueries
{
    /// <summary>Run once on the migrating connection, outside any transaction; null when the dialect needs nothing.</summary>
    string? PrepareDatabase { get; }

    /// <summary>
    /// Run first in each migration transaction: holds off other migrating instances until it ends;
    /// null when the dialect's transactions already exclude each other.
    /// </summary>
    string? LockForMigration { get; }

    /// <summary>Creates schema_migrations (version, name, applied_at) unless it exists.</summary>
    string CreateHistoryTable { get; }

    /// <summary>Counts the rows of schema_migrations with version @Version.</summary>
    string CountApplied { get; }

    /// <summary>Records @Version, @Name and @AppliedAt in schema_migrations.</summary>
    string RecordApplied { get; }
}
