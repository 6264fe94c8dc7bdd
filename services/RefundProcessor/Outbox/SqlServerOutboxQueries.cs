namespace Payguru.RefundProcessor.Outbox;

/// <summary>
/// SQL Server runs writers side by side, so a claim takes the rows it updates with
/// <c>UPDLOCK, READPAST, ROWLOCK</c> (a row another transaction holds is skipped, not waited for)
/// and hands them back with OUTPUT. Claimers take an application lock first: SQLite's single writer
/// made the boundary read and the claim one step, and the lock keeps them one step here, so a claim
/// never reaches past rows another claimer is taking at the same moment.
/// </summary>
public sealed class SqlServerOutboxQueries : IOutboxQueries
{
    public string Insert => """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, created_at, claimed_by, claim_expires_at, attempts)
        OUTPUT inserted.sequence
        VALUES (@MessageId, @MessageType, @Body, @TraceParent, @CreatedAt, @Owner, @ClaimExpiresAt, 1);
        """;

    // ISNULL, not COALESCE: COALESCE would run the subquery twice, and the two could differ.
    public string ClaimBatch => """
        DECLARE @granted INT;
        EXEC @granted = sp_getapplock @Resource = N'payguru:outbox-claim', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 10000;
        IF @granted < 0 THROW 51000, N'The outbox claim lock was not granted within 10 seconds.', 1;
        DECLARE @stop BIGINT = ISNULL(
            (SELECT MIN(sequence) FROM outbox_messages WHERE sent_at IS NULL AND claim_expires_at > @Now),
            9223372036854775807);
        WITH batch AS (
            SELECT TOP (@BatchSize) sequence, message_id, message_type, body, trace_parent, claimed_by, claim_expires_at, attempts
            FROM outbox_messages WITH (UPDLOCK, READPAST, ROWLOCK)
            WHERE sent_at IS NULL
              AND (claim_expires_at IS NULL OR claim_expires_at <= @Now)
              AND sequence < @stop
            ORDER BY sequence)
        UPDATE batch
        SET claimed_by = @Owner, claim_expires_at = @ClaimExpiresAt, attempts = attempts + 1
        OUTPUT inserted.sequence AS Sequence, inserted.message_id AS MessageId, inserted.message_type AS MessageType, inserted.body AS Body, inserted.trace_parent AS TraceParent;
        """;

    // No READPAST here: a row the relay is claiming right now must be counted, or a writer would overtake it.
    public string CountOlderAwaitingRelay => """
        SELECT COUNT_BIG(*) FROM outbox_messages
        WHERE sent_at IS NULL AND sequence < @Sequence
          AND (claim_expires_at IS NULL OR claim_expires_at <= @Now OR claimed_by LIKE N'%' + @RelaySuffix);
        """;

    public string CountUnsent => "SELECT COUNT_BIG(*) FROM outbox_messages WHERE sent_at IS NULL;";
}
