namespace Payguru.RefundProcessor.Options;

/// <summary>Where the processor keeps its state: <c>Database:Provider</c> and <c>ConnectionStrings:Payguru</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Payguru";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c> (production).</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = "";
}
