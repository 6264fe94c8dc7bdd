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

    public DbConnection Connection => _connection ?? throw NotStarted();

    public DbTransaction Transaction => _transaction ?? throw NotStarted();

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        // A retried message reuses its scope: start over from a clean state.
        await DisposeAsync();
        _connection = await connections.OpenAsync(cancellationToken);
        _transaction = await _connection.BeginTransactionAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
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
