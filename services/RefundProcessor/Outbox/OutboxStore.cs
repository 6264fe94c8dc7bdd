using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// The outbox table (docs/architecture.md, invariant 4): written in the state change's transaction, sent by the
/// writer right after commit; a message still unsent when it is due is the relay's.
/// </summary>
public sealed class OutboxStore(OutboxQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Adds <paramref name="messages"/>, due for the relay after <paramref name="dueAfter"/>.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> AddAsync(DbTransaction transaction, IReadOnlyList<OutboxEnvelope> messages, TimeSpan dueAfter)
    {
        var now = clock.GetUtcNow();
        var records = new List<OutboxRecord>(messages.Count);
        foreach (var message in messages)
        {
            var sequence = await transaction.Connection!.ExecuteScalarAsync<long>(queries.Insert, new
            {
                message.MessageId,
                message.MessageType,
                message.Body,
                message.TraceParent,
                message.OrderingKey,
                CreatedAt = now,
                DueAt = now + dueAfter,
            }, transaction);
            records.Add(new OutboxRecord(sequence, message.MessageId, message.MessageType, message.Body, message.TraceParent, message.OrderingKey));
        }

        return records;
    }

    public async Task<IReadOnlyList<OutboxRecord>> DueAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Sequence, string MessageId, string MessageType, string Body, string? TraceParent, string? OrderingKey)>(
            queries.SelectDue, new { Now = clock.GetUtcNow(), BatchSize = batchSize });
        return rows.Select(row => new OutboxRecord(row.Sequence, Guid.Parse(row.MessageId), row.MessageType, row.Body, row.TraceParent, row.OrderingKey)).ToList();
    }

    /// <summary>
    /// True when a key of <paramref name="records"/> (written together) has an older message not sent yet;
    /// one that <paramref name="sentUnmarked"/> knows was sent (its mark is queued) does not count.
    /// </summary>
    public async Task<bool> HasOlderUnsentOfKeyAsync(
        IReadOnlyList<OutboxRecord> records, CancellationToken cancellationToken, Func<long, bool>? sentUnmarked = null)
    {
        var keys = records.Select(r => r.OrderingKey).OfType<string>().Distinct().ToList();
        if (keys.Count == 0)
        {
            return false;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var older = await connection.QueryAsync<long>(queries.SelectOlderUnsentOfKeys, new { Keys = keys, Before = records.Min(r => r.Sequence) });
        return older.Any(sequence => sentUnmarked is null || !sentUnmarked(sequence));
    }

    public async Task<bool> TryAcquireRelayLeaseAsync(string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(queries.AcquireRelayLease, new { Owner = owner, ExpiresAt = now + leaseFor, Now = now }) == 1;
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(queries.MarkSent, new { Sequences = sequences, SentAt = clock.GetUtcNow() });
    }

    public async Task PostponeAsync(IReadOnlyCollection<long> sequences, TimeSpan retryAfter, string error, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(queries.Postpone, new
        {
            Sequences = sequences,
            DueAt = clock.GetUtcNow() + retryAfter,
            Error = error.Length > 500 ? error[..500] : error,
        });
    }

    public async Task<int> DeleteSentBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(queries.DeleteSentBefore, new { Before = before });
    }

    public async Task<long> CountUnsentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(queries.CountUnsent);
    }
}
