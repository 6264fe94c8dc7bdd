using System.Data.Common;
using Dapper;
using Payguru.RefundProcessor.Data;

namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// The outbox table (ARCHITECTURE.md invariant 4). Messages are written inside the state
/// change's transaction, already claimed by the writer, which sends them right after commit.
/// What the writer could not send, or left behind by crashing, becomes claimable when the claim
/// expires and the relay sends it with its original id.
/// </summary>
public sealed class OutboxStore(IOutboxQueries queries, IDbConnectionFactory connections, TimeProvider clock)
{
    /// <summary>Adds <paramref name="messages"/> in the caller's transaction, claimed by <paramref name="owner"/> for <paramref name="claimFor"/>.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> AddAsync(
        DbTransaction transaction, IReadOnlyList<OutboxEnvelope> messages, string owner, TimeSpan claimFor)
    {
        var now = clock.GetUtcNow();
        var claimExpiresAt = now + claimFor;
        var records = new List<OutboxRecord>(messages.Count);
        foreach (var message in messages)
        {
            var sequence = await transaction.Connection!.ExecuteScalarAsync<long>(queries.Insert, new
            {
                MessageId = message.MessageId.ToString("D"),
                message.MessageType,
                message.Body,
                CreatedAt = now.ToString("O"),
                message.TraceParent,
                Owner = owner,
                ClaimExpiresAt = claimExpiresAt.ToUnixTimeMilliseconds(),
            }, transaction);
            records.Add(new OutboxRecord(sequence, message.MessageId, message.MessageType, message.Body, claimExpiresAt, message.TraceParent));
        }

        return records;
    }

    /// <summary>Claims the oldest claimable messages for <paramref name="owner"/>, in sequence order.</summary>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimBatchAsync(string owner, int batchSize, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimExpiresAt = now + claimFor;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Sequence, string MessageId, string MessageType, string Body, string? TraceParent)>(queries.ClaimBatch, new
        {
            Owner = owner,
            ClaimExpiresAt = claimExpiresAt.ToUnixTimeMilliseconds(),
            Now = now.ToUnixTimeMilliseconds(),
            BatchSize = batchSize,
        }, transaction);
        var records = rows
            .Select(row => new OutboxRecord(row.Sequence, Guid.Parse(row.MessageId), row.MessageType, row.Body, claimExpiresAt, row.TraceParent))
            .OrderBy(record => record.Sequence)
            .ToList();
        await transaction.CommitAsync(cancellationToken);
        return records;
    }

    /// <summary>Takes or renews the relay lease; true when <paramref name="owner"/> holds it for <paramref name="leaseFor"/>.</summary>
    public async Task<bool> TryAcquireRelayLeaseAsync(string owner, TimeSpan leaseFor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.ExecuteAsync("""
            UPDATE outbox_relay_lease
            SET owner = @Owner, expires_at = @ExpiresAt
            WHERE id = 1 AND (owner = @Owner OR owner IS NULL OR expires_at <= @Now);
            """, new
        {
            Owner = owner,
            ExpiresAt = (now + leaseFor).ToUnixTimeMilliseconds(),
            Now = now.ToUnixTimeMilliseconds(),
        });
        return rows == 1;
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> sequences, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE outbox_messages
            SET sent_at = @SentAt, claimed_by = NULL, claim_expires_at = NULL, last_error = NULL
            WHERE sequence IN @Sequences AND sent_at IS NULL;
            """, new { Sequences = sequences, SentAt = clock.GetUtcNow().ToString("O") });
    }

    /// <summary>Gives up <paramref name="owner"/>'s claim; the messages may be claimed again after <paramref name="retryAfter"/>.</summary>
    public async Task ReleaseAsync(
        IReadOnlyCollection<long> sequences, string owner, TimeSpan retryAfter, string error, CancellationToken cancellationToken)
    {
        if (sequences.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("""
            UPDATE outbox_messages
            SET claimed_by = NULL, claim_expires_at = @RetryAt, last_error = @Error
            WHERE sequence IN @Sequences AND sent_at IS NULL AND claimed_by = @Owner;
            """, new
        {
            Sequences = sequences,
            Owner = owner,
            RetryAt = (clock.GetUtcNow() + retryAfter).ToUnixTimeMilliseconds(),
            Error = error.Length > 500 ? error[..500] : error,
        });
    }

    /// <summary>
    /// True when a message older than <paramref name="sequence"/> waits for the relay; a writer
    /// then leaves its own messages to the relay too, so they do not overtake it.
    /// </summary>
    public async Task<bool> HasOlderAwaitingRelayAsync(long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var count = await connection.ExecuteScalarAsync<long>(queries.CountOlderAwaitingRelay, new
        {
            Sequence = sequence,
            Now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
            RelaySuffix = OutboxRelay.OwnerSuffix,
        });
        return count > 0;
    }

    /// <returns>How many messages sent before <paramref name="before"/> were deleted.</returns>
    public async Task<int> DeleteSentBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        // Times are stored as round-trip UTC text (in a binary collation on SQL Server), which sorts as it compares.
        return await connection.ExecuteAsync("DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @Before;", new { Before = before.ToUniversalTime().ToString("O") });
    }

    public async Task<long> CountUnsentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(queries.CountUnsent);
    }
}
