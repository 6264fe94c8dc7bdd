namespace Payguru.RefundProcessor.Data;

public sealed class SqliteMigrationQueries : MigrationQueries
{
    // WAL lets readers run beside the writer; it is a property of the file, set once.
    public override string? PrepareDatabase => "PRAGMA journal_mode = WAL;";

    // Microsoft.Data.Sqlite begins transactions IMMEDIATE: the first to begin holds the write lock.
    public override string? LockForMigration => null;

    public override string CreateHistoryTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);";
}
