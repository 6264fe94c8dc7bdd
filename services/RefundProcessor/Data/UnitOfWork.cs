using System.Data.Common;

namespace Payguru.RefundProcessor.Data;

/// <summary>
/// The transaction of a message's handling, as <see cref="Consuming.TransactionalConsumeFilter{T}"/> hands it to the
/// consumer: the inbox record, the consumer's state change and the outbox rows all commit in it, or none do.
/// </summary>
public sealed class UnitOfWork
{
    DbConnection? _connection;
    DbTransaction? _transaction;

    public DbConnection Connection => _connection ?? throw NotStarted();

    public DbTransaction Transaction => _transaction ?? throw NotStarted();

    public void Join(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public void Leave()
    {
        _connection = null;
        _transaction = null;
    }

    static InvalidOperationException NotStarted() =>
        new("No transaction is open: consumers run inside TransactionalConsumeFilter, which begins it.");
}
