using System.Reflection;
using Dapper;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Applies the versioned SQL scripts of the configured dialect (embedded from
/// Data/Migrations/&lt;Dialect&gt;/NNNN_name.sql) that the database has not seen yet, each in its
/// own transaction with its version row, so that instances starting together apply each once.
/// </summary>
public sealed class SchemaMigrator(IDbConnectionFactory connections, IOptions<DatabaseOptions> options, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var dialect = options.Value.Provider.ToString();
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (options.Value.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers run beside the writer; it is a property of the file, set once.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await connection.ExecuteAsync(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);");

        foreach (var script in Scripts(dialect))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @Version;", new { script.Version }, transaction);
            if (applied > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(script.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt);",
                new { script.Version, script.Name, AppliedAt = DateTimeOffset.UtcNow.ToString("O") },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema migration {Version} {Name}", script.Version, script.Name);
        }
    }

    /// <summary>The dialect's scripts in version order.</summary>
    public static IReadOnlyList<MigrationScript> Scripts(string dialect)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Migrations.{dialect}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => MigrationScript.Load(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(script => script.Version)
            .ToList();
    }
}
