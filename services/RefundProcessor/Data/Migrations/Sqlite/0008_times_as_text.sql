-- Every time as round-trip UTC text (2026-12-02T13:57:59.1234567+00:00), which sorts as it compares:
-- the attempt, reconciliation and refresh-lease times were Unix milliseconds. SQLite cannot change
-- a column's type, so the three tables are built again with their rows converted, column order kept.
CREATE TABLE refunds_text_times (
    request_id         TEXT    PRIMARY KEY,
    order_ref          TEXT    NOT NULL,
    payguru_code       TEXT    NULL,
    service_code       TEXT    NULL,
    amount             TEXT    NOT NULL, -- invariant text, two decimals, as sent to refund/create
    contact_name       TEXT    NOT NULL,
    iban               TEXT    NOT NULL, -- electronic form; only the last four of a rejected one
    reason             TEXT    NULL,
    state              TEXT    NOT NULL,
    refund_id          INTEGER NULL,     -- Payguru's, once submitted
    rejection_reason   TEXT    NULL,
    rejection_message  TEXT    NULL,
    provider_code      TEXT    NULL,
    attempt_owner      TEXT    NULL,     -- the attempt that may call refund/create now
    attempt_expires_at TEXT    NULL,     -- past it the outcome is looked up by order
    attempts           INTEGER NOT NULL DEFAULT 0,
    requested_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    reconciled_at      TEXT    NULL      -- the last refund/get of the poller
);
INSERT INTO refunds_text_times
SELECT request_id, order_ref, payguru_code, service_code, amount, contact_name, iban, reason, state, refund_id,
       rejection_reason, rejection_message, provider_code, attempt_owner,
       strftime('%Y-%m-%dT%H:%M:%S', attempt_expires_at / 1000, 'unixepoch') || printf('.%03d0000+00:00', attempt_expires_at % 1000),
       attempts, requested_at, updated_at,
       strftime('%Y-%m-%dT%H:%M:%S', reconciled_at / 1000, 'unixepoch') || printf('.%03d0000+00:00', reconciled_at % 1000)
FROM refunds;
DROP TABLE refunds;
ALTER TABLE refunds_text_times RENAME TO refunds;
CREATE UNIQUE INDEX ux_refunds_refund_id ON refunds (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX ix_refunds_order_ref ON refunds (order_ref);
CREATE INDEX ix_refunds_open ON refunds (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');
CREATE UNIQUE INDEX ux_refunds_creating_order ON refunds (order_ref) WHERE state = 'creating';

CREATE TABLE sub_merchants_text_times (
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
    attempt_expires_at TEXT    NULL,     -- past it the sweep takes the attempt over
    attempts           INTEGER NOT NULL DEFAULT 0,
    requested_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
INSERT INTO sub_merchants_text_times
SELECT member_external_id, registration, state, member_name, request, paywall_member_id, outcome_unknown,
       rejection_reason, rejection_message, paywall_error_code, attempt_owner,
       strftime('%Y-%m-%dT%H:%M:%S', attempt_expires_at / 1000, 'unixepoch') || printf('.%03d0000+00:00', attempt_expires_at % 1000),
       attempts, requested_at, updated_at
FROM sub_merchants;
DROP TABLE sub_merchants;
ALTER TABLE sub_merchants_text_times RENAME TO sub_merchants;
CREATE INDEX ix_sub_merchants_open ON sub_merchants (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');

CREATE TABLE payguru_tokens_text_times (
    merchant_id        TEXT    PRIMARY KEY,
    token              TEXT    NULL,
    generation         INTEGER NOT NULL DEFAULT 0,
    issued_at          TEXT    NULL,
    refresh_owner      TEXT    NULL,
    refresh_expires_at TEXT    NOT NULL DEFAULT '1970-01-01T00:00:00.0000000+00:00'
);
INSERT INTO payguru_tokens_text_times
SELECT merchant_id, token, generation, issued_at, refresh_owner,
       strftime('%Y-%m-%dT%H:%M:%S', refresh_expires_at / 1000, 'unixepoch') || printf('.%03d0000+00:00', refresh_expires_at % 1000)
FROM payguru_tokens;
DROP TABLE payguru_tokens;
ALTER TABLE payguru_tokens_text_times RENAME TO payguru_tokens;
