using Microsoft.Data.Sqlite;

namespace Payguru.Bench;

/// <summary>Counts the measured payments the processor stored in its SQLite table <c>payments</c>.</summary>
public static class RecordedPayments
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Polls until all of txids first..first+count-1 are recorded, the count stops growing, or the timeout passes.</summary>
    public static Task<CountWait.Outcome> WaitAsync(string databasePath, long firstTxid, int count, TimeSpan timeout, CancellationToken cancellationToken) =>
        CountWait.WaitAsync(ct => TryCountAsync(databasePath, firstTxid, count, ct), count, PollInterval, timeout, cancellationToken);

    /// <summary>The count now, or null while the database or its table does not exist yet or is locked.</summary>
    public static async Task<long?> TryCountAsync(string databasePath, long firstTxid, int count, CancellationToken cancellationToken)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            // A fresh connection per poll: nothing of ours stays open on the processor's file.
            Pooling = false,
        }.ToString();

        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM payments WHERE txid BETWEEN $first AND $last";
            command.Parameters.AddWithValue("$first", firstTxid);
            command.Parameters.AddWithValue("$last", firstTxid + count - 1);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (SqliteException)
        {
            return null;
        }
    }
}
