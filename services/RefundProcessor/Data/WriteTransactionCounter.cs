using System.Runtime.CompilerServices;
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

    // Each handle's hook state. A pooled handle is hooked once; one that another counter watched last (two in one
    // process share the pool of a connection string) is hooked again.
    static readonly ConditionalWeakTable<sqlite3, ConnectionChanges> Hooked = new();

    /// <summary>Counts the commits of <paramref name="connection"/> (open) from now on, in this counter.</summary>
    public void Watch(SqliteConnection connection)
    {
        var handle = connection.Handle!;
        if (Hooked.TryGetValue(handle, out var hooked) && hooked.Counter == this)
        {
            // Rows a rolled-back transaction changed: a connection is handed back after its rollback, so each open
            // starts clean (Microsoft.Data.Sqlite keeps SQLite's rollback hook to itself).
            hooked.Changed = false;
            return;
        }

        var changes = new ConnectionChanges(this);
        raw.sqlite3_update_hook(handle, ConnectionChanges.RowChanged, changes);
        raw.sqlite3_commit_hook(handle, ConnectionChanges.Committed, changes);
        Hooked.AddOrUpdate(handle, changes);
    }

    // A handle's own flag: set by a changed row, counted and cleared by the commit.
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
