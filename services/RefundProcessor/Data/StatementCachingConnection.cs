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
    // Every statement the processor runs fits; past that (Dapper writes a list parameter into the text) a text is
    // compiled for its call only, as before.
    const int MaxStatements = 100;

    readonly Dictionary<string, SqliteCommand> _statements = [];
    bool _closing;

    protected override DbCommand CreateDbCommand() => new CachedStatementCommand(this);

    /// <summary>The prepared command for <paramref name="sql"/>; a new one while it is rented out (a nested reader) or not yet made.</summary>
    internal SqliteCommand Rent(string sql) =>
        _statements.Remove(sql, out var command) ? command : new SqliteCommand(sql, this);

    internal void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        if (State != ConnectionState.Open || _statements.Count >= MaxStatements || !_statements.TryAdd(command.CommandText, command))
        {
            command.Dispose();
        }
    }

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
        base.Close();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_closing && State == ConnectionState.Open)
        {
            // A transaction left open is rolled back, as closing would.
            Transaction?.Dispose();
            handBack(this);
            return;
        }

        base.Dispose(disposing);
    }
}
