using System.Data.Common;
using Dapper;

namespace Payguru.RefundProcessor.Inbox;

/// <summary>The message ids each endpoint has handled (docs/architecture.md, invariant 3).</summary>
public sealed class InboxStore(InboxQueries queries, TimeProvider clock)
{
    /// <returns>False when <paramref name="endpoint"/> handled the message before: the caller then changes nothing.</returns>
    public async Task<bool> TryRecordAsync(DbTransaction transaction, string endpoint, Guid messageId, string messageType)
    {
        var rows = await transaction.Connection!.ExecuteAsync(queries.TryRecord, new
        {
            Endpoint = endpoint,
            MessageId = messageId,
            MessageType = messageType,
            ReceivedAt = clock.GetUtcNow(),
        }, transaction);
        return rows == 1;
    }

    public async Task<int> DeleteReceivedBeforeAsync(DbConnection connection, DateTimeOffset before) =>
        await connection.ExecuteAsync(queries.DeleteReceivedBefore, new { Before = before });
}
