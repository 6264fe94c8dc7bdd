using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Payguru.RefundProcessor.Data;
using Payguru.RefundProcessor.Identity;
using Payguru.RefundProcessor.Inbox;
using Payguru.RefundProcessor.Outbox;
using Payguru.RefundProcessor.Payments;
using Payguru.RefundProcessor.Paywall;
using Payguru.RefundProcessor.Refunds;
using Payguru.RefundProcessor.Tests.Stores.Sqlite;
using Payguru.RefundProcessor.Tokens;

namespace Payguru.RefundProcessor.Tests.Dialects;

/// <summary>
/// SQL Server cannot run here, so its dialect is checked without it: every statement SQL Server is
/// sent (read from the SqlServer…Queries classes, shared statements included) and every SQL Server
/// script parses as T-SQL, names only tables and columns the scripts create, and the SQL Server
/// scripts build the schema the SQLite ones do. Statements, scripts and dialect classes are found by
/// reflection: new ones are covered without touching this class.
/// </summary>
public sealed class SqlServerDialectTests
{
    const string BinaryCollation = "Latin1_General_100_BIN2";

    static readonly Lazy<SqlServerSchema> Schema = new(SqlServerSchema.FromMigrations);

    public static TheoryData<string> Statements => new(DialectClasses.SqlServerStatements.Keys.Order());

    public static TheoryData<string> Migrations => new(SchemaMigrator.Scripts(DialectClasses.SqlServer).Select(ScriptName));

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_parses_as_one_TSql_batch(string source)
    {
        var problems = TSqlCheck.SyntaxProblems(DialectClasses.SqlServerStatements[source]);

        Assert.True(problems.Count == 0, $"{source}: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(Statements))]
    public void Statement_names_only_tables_and_columns_the_scripts_create(string source)
    {
        var unknown = TSqlCheck.UnknownNames(DialectClasses.SqlServerStatements[source], Schema.Value);

        Assert.True(unknown.Count == 0, $"{source} names what no SQL Server script creates: {string.Join(", ", unknown)}");
    }

    [Theory]
    [MemberData(nameof(Migrations))]
    public void Migration_parses_as_one_TSql_batch(string name)
    {
        // The migrator sends a script as one command, so it cannot hold GO separators either.
        var problems = TSqlCheck.SyntaxProblems(SchemaMigrator.Scripts(DialectClasses.SqlServer).Single(s => ScriptName(s) == name).Sql);

        Assert.True(problems.Count == 0, $"{name}: {string.Join("; ", problems)}");
    }

    [Fact]
    public void Statements_of_every_store_are_found_in_its_SqlServer_class_shared_ones_included()
    {
        var sources = DialectClasses.SqlServerStatements.Keys.Select(source => source.Split('.')[0]).ToHashSet();

        Assert.Superset(
            new HashSet<string>
            {
                nameof(SqlServerMigrationQueries), nameof(SqlServerInboxQueries), nameof(SqlServerOutboxQueries), nameof(SqlServerPaymentQueries),
                nameof(SqlServerRefundQueries), nameof(SqlServerTokenQueries), nameof(SqlServerIdentityQueries), nameof(SqlServerSubMerchantQueries),
            },
            sources);
        // A statement both dialects share is written once, in the store's abstract class, and read here through the SQL Server class.
        Assert.Contains("UPDATE refund_orders SET decisions = decisions + 1", DialectClasses.SqlServerStatements["SqlServerRefundQueries.CountDecision"]);
        Assert.Contains("UPDATE outbox_relay_lease", DialectClasses.SqlServerStatements["SqlServerOutboxQueries.AcquireRelayLease"]);
    }

    [Fact]
    public void Every_Sqlite_class_has_a_SqlServer_twin_with_the_same_base_class()
    {
        var sqlite = DialectClasses.Of(DialectClasses.Sqlite);
        Assert.NotEmpty(sqlite);

        foreach (var type in sqlite)
        {
            var twinName = $"{type.Namespace}.{DialectClasses.SqlServer}{type.Name[DialectClasses.Sqlite.Length..]}";
            var twin = DialectClasses.Processor.GetType(twinName);
            Assert.True(twin is not null, $"{type.FullName} has no SQL Server twin {twinName}");
            Assert.Equal(type.BaseType, twin.BaseType);
        }
    }

    [Fact]
    public void SqlServer_scripts_have_the_versions_and_names_of_the_Sqlite_scripts()
    {
        Assert.Equal(
            SchemaMigrator.Scripts(DialectClasses.Sqlite).Select(ScriptName),
            SchemaMigrator.Scripts(DialectClasses.SqlServer).Select(ScriptName));
    }

    [Fact]
    public async Task SqlServer_scripts_build_the_tables_columns_and_indexes_the_Sqlite_scripts_build()
    {
        await using var sqlite = new SqliteTestDatabase();
        await sqlite.CreateAsync(CancellationToken.None);
        await using var connection = await sqlite.Connections.OpenAsync(CancellationToken.None);

        var sqliteTables = new Dictionary<string, string[]>();
        foreach (var table in await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"))
        {
            var columns = await connection.QueryAsync<(string Name, string Type, long NotNull, long PrimaryKey)>(
                "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@Table);", new { Table = table });
            // SQLite's INTEGER is 64-bit and its TEXT unbounded: BIGINT and NVARCHAR here. A primary key column is never null.
            sqliteTables[table] = columns
                .Select(c => $"{c.Name} {(c.Type == "INTEGER" ? SqlDataTypeOption.BigInt : SqlDataTypeOption.NVarChar)} {(c.NotNull == 1 || c.PrimaryKey > 0 ? "NOT NULL" : "NULL")}")
                .ToArray();
        }

        var sqlServerTables = Schema.Value.Tables.ToDictionary(
            table => table.Key,
            table => table.Value.Select(c => $"{c.Name} {c.Type} {(c.Nullable ? "NULL" : "NOT NULL")}").ToArray());
        Assert.Equal(sqliteTables.Keys.Order(), sqlServerTables.Keys.Order());
        foreach (var (table, columns) in sqliteTables)
        {
            Assert.Equal(columns, sqlServerTables[table]);
        }

        var sqliteIndexes = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL;");
        Assert.Equal(sqliteIndexes.Order(), Schema.Value.Indexes.Order());
    }

    [Fact]
    public void Every_text_column_compares_by_code_point_as_SQLite_does()
    {
        var text = Schema.Value.Tables
            .SelectMany(table => table.Value.Where(c => c.Type == SqlDataTypeOption.NVarChar).Select(c => (Column: $"{table.Key}.{c.Name}", c.Collation)))
            .ToList();

        Assert.NotEmpty(text);
        Assert.All(text, column => Assert.Equal((column.Column, BinaryCollation), (column.Column, column.Collation)));
        Assert.DoesNotContain(Schema.Value.Tables.Values.SelectMany(t => t), c => c.Type is SqlDataTypeOption.VarChar or SqlDataTypeOption.Char or SqlDataTypeOption.Int);
    }

    static string ScriptName(MigrationScript script) => $"{script.Version:D4}_{script.Name}";
}
