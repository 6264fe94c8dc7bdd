using Microsoft.Data.Sqlite;

namespace Payguru.Bench.Refunds;

/// <summary>The processor's refunds table by state (its SQLite file, opened read-only).</summary>
public static class RecordedRefunds
{
    /// <summary>How many refunds are in each state, or null when the file or its table cannot be read.</summary>
    public static async Task<IReadOnlyDictionary<string, long>?> CountByStateAsync(string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // Nothing of ours stays open on the processor's file.
            Pooling = false,
        }.ToString();

        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT state, COUNT(*) FROM refunds GROUP BY state ORDER BY state";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }

            return counts;
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
