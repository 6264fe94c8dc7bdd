namespace Payguru.RefundProcessor.Data;

public sealed class SqliteMigrationQueries : IMigrationQueries
{
    // WAL lets readers run beside the writer; it is a property of the file, set once.
    public string? PrepareDatabase => "PRAGMA journal_mode = WAL;";

    // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the first to begin holds the write lock.
    public string? LockForMigration => null;

    public string CreateHistoryTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";

    public string CountApplied => "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;";

    public string RecordApplied => "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);";
}
