namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Instances starting together take an exclusive application lock owned by the migration's
/// transaction (released by its commit or rollback), so that each script runs once: the second
/// instance waits, then finds the version recorded.
/// </summary>
public sealed class SqlServerMigrationQueries : MigrationQueries
{
    public override string? PrepareDatabase => null;

    public override string? LockForMigration => """
        DECLARE @granted INT;
        EXEC @granted = sp_getapplock @Resource = N'payguru:schema-migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 120000;
        IF @granted < 0 THROW 51000, N'The schema migration lock was not granted within 2 minutes: another instance is still migrating.', 1;
        """;

    public override string CreateHistoryTable => """
        IF OBJECT_ID(N'schema_migrations', N'U') IS NULL
            CREATE TABLE schema_migrations (
                version    BIGINT        NOT NULL,
                name       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
                applied_at NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
                CONSTRAINT pk_schema_migrations PRIMARY KEY (version)
            );
        """;
}
