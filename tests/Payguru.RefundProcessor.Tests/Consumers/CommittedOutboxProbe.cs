using System.Collections.Concurrent;
using Dapper;
using MassTransit;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Tests.Consumers;

/// <summary>
/// At the moment a message is published, looks on a connection of its own for its outbox row:
/// visible only once the transaction that wrote it has committed.
/// </summary>
public sealed class CommittedOutboxProbe(IDbConnectionFactory connections) : IPublishObserver
{
    readonly ConcurrentDictionary<Guid, long> _rowsSeenAtPublish = new();

    public IReadOnlyDictionary<Guid, long> RowsSeenAtPublish => _rowsSeenAtPublish;

    public async Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        if (context.MessageId is not { } messageId)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var rows = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM outbox_messages WHERE message_id = @MessageId;", new { MessageId = messageId.ToString("D") });
        _rowsSeenAtPublish[messageId] = rows;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
