using System.Data.Common;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// The one connection and transaction of a message's handling (scoped per message): the
/// inbox record, the consumer's state change and the outbox rows all commit in it, or none do.
/// <see cref="Outbox.OutboxWriter"/> commits it.
/// </summary>
public sealed class UnitOfWork(IDbConnectionFactory connections) : IAsyncDisposable
{
    DbConnection? _connection;
    DbTransaction? _transaction;
    bool _owned;

    public DbConnection Connection => _connection ?? throw NotStarted();

    public DbTransaction Transaction => _transaction ?? throw NotStarted();

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        // A retried message reuses its scope: start over from a clean state.
        await DisposeAsync();
        _owned = true;
        _connection = await connections.OpenAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Uses a transaction shared with other handlings (<see cref="Consuming.GroupCommit"/>), which
    /// its owner commits and disposes: this unit only hands it to the consumer.
    /// </summary>
    public void Join(DbConnection connection, DbTransaction transaction)
    {
        if (_owned)
        {
            throw new InvalidOperationException("This unit of work already owns a transaction.");
        }

        _connection = connection;
        _transaction = transaction;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_owned)
        {
            _connection = null;
            _transaction = null;
            return;
        }

        _owned = false;
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync(); // rolls back when not committed
            _transaction = null;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    static InvalidOperationException NotStarted() =>
        new("No transaction is open: consumers run inside TransactionalConsumeFilter, which begins it.");
}
