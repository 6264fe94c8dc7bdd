using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using Payguru.RefundProcessor.Options;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Applies the dialect's scripts (Data/Migrations/&lt;Dialect&gt;/NNNN_name.sql) the database has not seen, each in its
/// own transaction with its version row, so that instances starting together apply each once.
/// </summary>
public sealed class SchemaMigrator(
    IDbConnectionFactory connections, MigrationQueries queries, IOptions<DatabaseOptions> options, ILogger<SchemaMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await connections.EnsureDatabaseAsync(cancellationToken);
        await using var connection = await connections.OpenAsync(cancellationToken);
        if (queries.PrepareDatabase is { } prepare)
        {
            await connection.ExecuteAsync(prepare);
        }

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await LockAsync(transaction);
            await connection.ExecuteAsync(queries.CreateHistoryTable, transaction: transaction);
            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var script in Scripts(options.Value.Provider.ToString()))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await LockAsync(transaction);
            var applied = await connection.ExecuteScalarAsync<long>(queries.CountApplied, new { script.Version }, transaction);
            if (applied > 0)
            {
                continue;
            }

            await connection.ExecuteAsync(script.Sql, transaction: transaction);
            await connection.ExecuteAsync(
                queries.RecordApplied,
                new { script.Version, script.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied schema migration {Version} {Name}", script.Version, script.Name);
        }
    }

    async Task LockAsync(DbTransaction transaction)
    {
        if (queries.LockForMigration is { } takeLock)
        {
            await transaction.Connection!.ExecuteAsync(takeLock, transaction: transaction);
        }
    }

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
