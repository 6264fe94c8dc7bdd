using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// The command a <see cref="StatementCachingConnection"/> gives out: it collects the text, parameters and
/// transaction as any command does, and runs them on the connection's prepared command for that text, which it
/// hands back when done (for a reader: when the reader's command is disposed or runs again).
/// </summary>
sealed class CachedStatementCommand(StatementCachingConnection connection) : DbCommand
{
    readonly ParameterList _parameters = new();
    SqliteCommand? _reading;
    DbDataReader? _reader;

    [AllowNull]
    public override string CommandText { get; set; } = "";

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType { get; set; } = CommandType.Text;

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public override bool DesignTimeVisible { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A cached statement's command stays on the connection that made it.");
    }

    protected override DbParameterCollection DbParameterCollection => _parameters;

    protected override DbTransaction? DbTransaction { get; set; }

    // SQLite cannot cancel a running statement (SqliteCommand.Cancel does nothing either); compiling happens on first use.
    public override void Cancel()
    {
    }

    public override void Prepare()
    {
    }

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    public override int ExecuteNonQuery() => Run(command => command.ExecuteNonQuery());

    public override object? ExecuteScalar() => Run(command => command.ExecuteScalar());

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var command = Rent();
        try
        {
            _reader = command.ExecuteReader(behavior);
            _reading = command;
            return _reader;
        }
        catch
        {
            connection.Return(command);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            EndReading();
        }

        base.Dispose(disposing);
    }

    T Run<T>(Func<SqliteCommand, T> execute)
    {
        var command = Rent();
        try
        {
            return execute(command);
        }
        finally
        {
            connection.Return(command);
        }
    }

    SqliteCommand Rent()
    {
        EndReading();
        var command = connection.Rent(CommandText);
        command.Transaction = (SqliteTransaction?)Transaction;
        command.CommandTimeout = CommandTimeout;
        command.CommandType = CommandType;
        foreach (SqliteParameter parameter in _parameters)
        {
            command.Parameters.Add(parameter);
        }

        return command;
    }

    // As a command's reader goes with the command, or with its next run.
    void EndReading()
    {
        if (_reading is not null)
        {
            _reader!.Dispose();
            connection.Return(_reading);
            _reading = null;
            _reader = null;
        }
    }

    sealed class ParameterList : SqliteParameterCollection;
}
