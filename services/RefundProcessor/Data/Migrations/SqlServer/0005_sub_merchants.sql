-- SQL Server twin of Sqlite/0005_sub_merchants.sql (conventions in 0001_foundation.sql).
-- Paywall sub-merchant registrations (RegisterSubMerchant), one row per MemberExternalId.
-- state: accepted (decided, member call not made) -> creating (an attempt owns it) -> registered | rejected.
-- A rejected row may be registered again: registration counts the registrations of the id.
-- One row per id is what keeps member calls apart: every attempt statement changes that one row,
-- found by its key, and only from the state (and owner, or expiry) it expects. A second instance's
-- statement waits for the first's lock on the row, then sees the changed row and changes nothing.
CREATE TABLE sub_merchants (
    member_external_id NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL, -- SubMerchantRules.MaxExternalIdLength
    registration       BIGINT        NOT NULL,
    state              NVARCHAR(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    member_name        NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- a rejected registration keeps whatever name it had
    request            NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,     -- Paywall's member request (JSON, personal data) until the registration is decided
    paywall_member_id  BIGINT        NULL,     -- Paywall's id; NULL when registered through a 409 after a lost answer
    outcome_unknown    BIGINT        NOT NULL CONSTRAINT df_sub_merchants_outcome_unknown DEFAULT 0, -- 1 once an attempt may have reached Paywall without an answer
    rejection_reason   NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    rejection_message  NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    paywall_error_code BIGINT        NULL,
    attempt_owner      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
    attempt_expires_at BIGINT        NULL,     -- Unix milliseconds; past it the sweep takes the attempt over
    attempts           BIGINT        NOT NULL CONSTRAINT df_sub_merchants_attempts DEFAULT 0,
    requested_at       NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    updated_at         NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_sub_merchants PRIMARY KEY (member_external_id)
);
CREATE INDEX ix_sub_merchants_open ON sub_merchants (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');
