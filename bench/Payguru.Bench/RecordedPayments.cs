using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Payguru.Bench;

/// <summary>Counts the measured payments the processor stored in its SQLite table <c>payments</c>.</summary>
public static class RecordedPayments
{
    static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    // The processor may still be draining its queue; only a count that has not moved for this long is final.
    static readonly TimeSpan StallWindow = TimeSpan.FromSeconds(10);

    /// <summary>The final count and how long after the call it was reached.</summary>
    public sealed record Outcome(long Recorded, TimeSpan Waited);

    /// <summary>Polls until all of txids first..first+count-1 are recorded, the count stops growing, or the timeout passes.</summary>
    public static async Task<Outcome> WaitAsync(string databasePath, long firstTxid, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        long last = -1;
        var lastChange = started;
        var lastChangeElapsed = TimeSpan.Zero;
        while (true)
        {
            var recorded = await TryCountAsync(databasePath, firstTxid, count, cancellationToken) ?? last;
            if (recorded != last)
            {
                last = recorded;
                lastChange = Stopwatch.GetTimestamp();
                lastChangeElapsed = Stopwatch.GetElapsedTime(started);
            }

            if (last >= count || Stopwatch.GetElapsedTime(lastChange) >= StallWindow || Stopwatch.GetElapsedTime(started) >= timeout)
            {
                return new Outcome(Math.Max(last, 0), lastChangeElapsed);
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>The count now, or null while the database or its table does not exist yet or is locked.</summary>
    static async Task<long?> TryCountAsync(string databasePath, long firstTxid, int count, CancellationToken cancellationToken)
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
