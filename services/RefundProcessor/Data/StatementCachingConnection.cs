using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// A SQLite connection that keeps its statements compiled. Microsoft.Data.Sqlite keeps a statement only as long as
/// its command, Dapper makes a new command for every call, and a closed connection drops them all: compiling the
/// same SQL again was a sixth of the processor's CPU (bench/README.md). So the commands Dapper gets run the
/// connection's prepared <see cref="SqliteCommand"/> for their text, and disposing the connection hands it back to
/// <see cref="SqliteConnectionFactory"/> open, statements and all. Only the factory closes it.
/// </summary>
public sealed class StatementCachingConnection(string connectionString, Action<StatementCachingConnection> handBack)
    : SqliteConnection(connectionString)
{
    // Every fixed statement the processor runs fits. Dapper writes a list parameter into the text, one text per
    // length (up to a batch of 100), so the least recently used one goes when a new one would pass the limit.
    const int MaxStatements = 100;

    readonly Dictionary<string, LinkedListNode<SqliteCommand>> _statements = [];
    readonly LinkedList<SqliteCommand> _leastRecentlyUsedLast = new();
    int _rented;
    bool _out;
    bool _closing;

    protected override DbCommand CreateDbCommand() => new CachedStatementCommand(this);

    /// <summary>The prepared command for <paramref name="sql"/>; a new one while it is rented out (a nested reader) or not yet made.</summary>
    internal SqliteCommand Rent(string sql)
    {
        _rented++;
        if (!_statements.Remove(sql, out var kept))
        {
            return new SqliteCommand(sql, this);
        }

        _leastRecentlyUsedLast.Remove(kept);
        return kept.Value;
    }

    internal void Return(SqliteCommand command)
    {
        _rented--;
        command.Parameters.Clear();
        command.Transaction = null;
        if (State != ConnectionState.Open || _statements.ContainsKey(command.CommandText))
        {
            command.Dispose();
            return;
        }

        _statements.Add(command.CommandText, _leastRecentlyUsedLast.AddFirst(command));
        if (_statements.Count > MaxStatements)
        {
            var oldest = _leastRecentlyUsedLast.Last!.Value;
            _leastRecentlyUsedLast.RemoveLast();
            _statements.Remove(oldest.CommandText);
            oldest.Dispose();
        }
    }

    /// <summary>The factory hands it to a user, who hands it back by disposing it (once, however often it is disposed).</summary>
    internal void HandOut() => _out = true;

    /// <summary>Closes it for good, with its statements: the factory's way, as disposing only hands it back.</summary>
    internal void CloseForGood()
    {
        _closing = true;
        Dispose();
    }

    public override void Close()
    {
        // Closing finalizes the commands' statements (SqliteConnection disposes every command it made).
        _statements.Clear();
        _leastRecentlyUsedLast.Clear();
        base.Close();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closing && State == ConnectionState.Open)
        {
            if (!_out)
            {
                return; // disposed again after it was handed back: once is enough
            }

            // One with a command still out (a reader never disposed) is closed, as before, so its statement ends.
            if (_rented == 0)
            {
                _out = false;
                // A transaction left open is rolled back, as closing would.
                Transaction?.Dispose();
                handBack(this);
                return;
            }
        }

        base.Dispose(disposing);
    }
}
