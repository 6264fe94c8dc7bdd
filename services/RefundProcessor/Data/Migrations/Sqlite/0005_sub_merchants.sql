-- Paywall sub-merchant registrations (RegisterSubMerchant), one row per MemberExternalId.
-- state: accepted (decided, member call not made) -> creating (an attempt owns it) -> registered | rejected.
-- A rejected row may be registered again: registration counts the registrations of the id.
CREATE TABLE sub_merchants (
    member_external_id TEXT    PRIMARY KEY,
    registration       INTEGER NOT NULL,
    state              TEXT    NOT NULL,
    member_name        TEXT    NOT NULL,
    request            TEXT    NULL,     -- Paywall's member request (JSON, personal data) until the registration is decided
    paywall_member_id  INTEGER NULL,     -- Paywall's id; NULL when registered through a 409 after a lost answer
    outcome_unknown    INTEGER NOT NULL DEFAULT 0, -- 1 once an attempt may have reached Paywall without an answer
    rejection_reason   TEXT    NULL,
    rejection_message  TEXT    NULL,
    paywall_error_code INTEGER NULL,
    attempt_owner      TEXT    NULL,
    attempt_expires_at INTEGER NULL,     -- Unix milliseconds; past it the sweep takes the attempt over
    attempts           INTEGER NOT NULL DEFAULT 0,
    requested_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX ix_sub_merchants_open ON sub_merchants (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');
