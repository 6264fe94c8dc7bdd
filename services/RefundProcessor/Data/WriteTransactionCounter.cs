using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// Counts the SQLite transactions that committed a change, from SQLite's update and commit hooks: how the write
/// cost of a message is measured (<c>payguru.database.write_transactions</c>, bench/README.md). SQL Server is not counted.
/// </summary>
public sealed class WriteTransactionCounter
{
    long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Hooks <paramref name="connection"/> (open) to this counter; again on a pooled connection replaces its hooks.</summary>
    public void Watch(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        var changes = new ConnectionChanges(this);
        raw.sqlite3_update_hook(handle, ConnectionChanges.RowChanged, changes);
        raw.sqlite3_commit_hook(handle, ConnectionChanges.Committed, changes);
    }

    // A connection's own flag: set by a changed row, counted and cleared by the commit. A fresh
    // watch per open starts clean: a rolled-back transaction's rows are never counted, because the
    // processor closes a connection after a rollback.
    sealed class ConnectionChanges(WriteTransactionCounter counter)
    {
        public static readonly delegate_update RowChanged = (state, _, _, _, _) => ((ConnectionChanges)state).Changed = true;

        public static readonly delegate_commit Committed = state =>
        {
            var changes = (ConnectionChanges)state;
            if (changes.Changed)
            {
                changes.Changed = false;
                Interlocked.Increment(ref changes.Counter._count);
            }

            return 0; // 0 lets the commit go ahead
        };

        public WriteTransactionCounter Counter { get; } = counter;

        public bool Changed { get; set; }
    }
}
