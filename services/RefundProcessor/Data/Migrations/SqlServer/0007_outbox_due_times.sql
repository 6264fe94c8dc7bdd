-- SQL Server twin of Sqlite/0007_outbox_due_times.sql (conventions in 0001_foundation.sql).
-- The outbox without claims: the relay sends an unsent message once due_at (round-trip UTC text)
-- has passed; messages of one ordering_key leave in sequence order. A statement that names a column
-- added in this batch runs through EXEC, so that it is compiled after the column exists.
ALTER TABLE outbox_messages ADD
    due_at       NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL, -- NULL: due at once
    ordering_key NVARCHAR(500) COLLATE Latin1_General_100_BIN2 NULL;
EXEC (N'UPDATE outbox_messages
    SET due_at = CASE
        WHEN claim_expires_at IS NULL THEN created_at
        ELSE CONVERT(NVARCHAR(19), DATEADD(SECOND, CAST(claim_expires_at / 1000 % 86400 AS INT),
                 DATEADD(DAY, CAST(claim_expires_at / 86400000 AS INT), CAST(''1970-01-01'' AS DATETIME2(0)))), 126)
             + N''.'' + RIGHT(N''00'' + CAST(claim_expires_at % 1000 AS NVARCHAR(3)), 3) + N''0000+00:00''
    END
    WHERE sent_at IS NULL;');
DROP INDEX ix_outbox_messages_unsent ON outbox_messages;
ALTER TABLE outbox_messages DROP COLUMN claimed_by;
ALTER TABLE outbox_messages DROP COLUMN claim_expires_at;
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) INCLUDE (due_at, sent_at) WHERE sent_at IS NULL;
CREATE INDEX ix_outbox_messages_unsent_key ON outbox_messages (ordering_key, sequence) INCLUDE (due_at) WHERE sent_at IS NULL;

-- The relay lease, its expiry as text. A lease held while upgrading is simply taken again.
ALTER TABLE outbox_relay_lease ALTER COLUMN expires_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL;
UPDATE outbox_relay_lease SET owner = NULL, expires_at = N'1970-01-01T00:00:00.0000000+00:00';
