-- SQL Server twin of Sqlite/0008_times_as_text.sql (conventions in 0001_foundation.sql).
-- Every time as round-trip UTC text: the attempt, reconciliation and refresh-lease times were Unix
-- milliseconds (BIGINT). Each column becomes text in place (holding the milliseconds' digits for a
-- moment), and its rows are then rewritten as times; the indexes and defaults on them are rebuilt.
DROP INDEX ix_refunds_open ON refunds;
ALTER TABLE refunds ALTER COLUMN attempt_expires_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL;
ALTER TABLE refunds ALTER COLUMN reconciled_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL;
UPDATE refunds SET
    attempt_expires_at = CONVERT(NVARCHAR(19), DATEADD(SECOND, CAST(CAST(attempt_expires_at AS BIGINT) / 1000 % 86400 AS INT),
            DATEADD(DAY, CAST(CAST(attempt_expires_at AS BIGINT) / 86400000 AS INT), CAST('1970-01-01' AS DATETIME2(0)))), 126)
        + N'.' + RIGHT(N'00' + CAST(CAST(attempt_expires_at AS BIGINT) % 1000 AS NVARCHAR(3)), 3) + N'0000+00:00',
    reconciled_at = CONVERT(NVARCHAR(19), DATEADD(SECOND, CAST(CAST(reconciled_at AS BIGINT) / 1000 % 86400 AS INT),
            DATEADD(DAY, CAST(CAST(reconciled_at AS BIGINT) / 86400000 AS INT), CAST('1970-01-01' AS DATETIME2(0)))), 126)
        + N'.' + RIGHT(N'00' + CAST(CAST(reconciled_at AS BIGINT) % 1000 AS NVARCHAR(3)), 3) + N'0000+00:00'
WHERE attempt_expires_at IS NOT NULL OR reconciled_at IS NOT NULL;
CREATE INDEX ix_refunds_open ON refunds (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');

DROP INDEX ix_sub_merchants_open ON sub_merchants;
ALTER TABLE sub_merchants ALTER COLUMN attempt_expires_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL;
UPDATE sub_merchants SET
    attempt_expires_at = CONVERT(NVARCHAR(19), DATEADD(SECOND, CAST(CAST(attempt_expires_at AS BIGINT) / 1000 % 86400 AS INT),
            DATEADD(DAY, CAST(CAST(attempt_expires_at AS BIGINT) / 86400000 AS INT), CAST('1970-01-01' AS DATETIME2(0)))), 126)
        + N'.' + RIGHT(N'00' + CAST(CAST(attempt_expires_at AS BIGINT) % 1000 AS NVARCHAR(3)), 3) + N'0000+00:00'
WHERE attempt_expires_at IS NOT NULL;
CREATE INDEX ix_sub_merchants_open ON sub_merchants (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');

ALTER TABLE payguru_tokens DROP CONSTRAINT df_payguru_tokens_refresh_expires_at;
ALTER TABLE payguru_tokens ALTER COLUMN refresh_expires_at NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NOT NULL;
UPDATE payguru_tokens SET
    refresh_expires_at = CONVERT(NVARCHAR(19), DATEADD(SECOND, CAST(CAST(refresh_expires_at AS BIGINT) / 1000 % 86400 AS INT),
            DATEADD(DAY, CAST(CAST(refresh_expires_at AS BIGINT) / 86400000 AS INT), CAST('1970-01-01' AS DATETIME2(0)))), 126)
        + N'.' + RIGHT(N'00' + CAST(CAST(refresh_expires_at AS BIGINT) % 1000 AS NVARCHAR(3)), 3) + N'0000+00:00';
ALTER TABLE payguru_tokens ADD CONSTRAINT df_payguru_tokens_refresh_expires_at DEFAULT N'1970-01-01T00:00:00.0000000+00:00' FOR refresh_expires_at;
