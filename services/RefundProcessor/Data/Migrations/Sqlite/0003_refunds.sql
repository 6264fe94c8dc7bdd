-- Refund requests (RequestRefund), one row per caller's RefundRequestId.
-- state: accepted (decided, not yet sent) -> creating (an attempt owns it) -> submitted | rejected.
CREATE TABLE refunds (
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
    attempt_expires_at INTEGER NULL,     -- Unix milliseconds; past it the outcome is looked up by order
    attempts           INTEGER NOT NULL DEFAULT 0,
    requested_at       TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    reconciled_at      INTEGER NULL      -- Unix milliseconds of the last refund/get of the poller
);
CREATE UNIQUE INDEX ux_refunds_refund_id ON refunds (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX ix_refunds_order_ref ON refunds (order_ref);
CREATE INDEX ix_refunds_open ON refunds (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');
-- At most one create in flight per order, so that a lookup by order can tell whose refund it sees.
CREATE UNIQUE INDEX ux_refunds_creating_order ON refunds (order_ref) WHERE state = 'creating';

-- Payguru's latest status of each refund, from its notifications (RefundSettled) or reconciliation.
CREATE TABLE refund_results (
    refund_id       INTEGER PRIMARY KEY,
    status          INTEGER NOT NULL,
    order_ref       TEXT    NOT NULL,
    amount          TEXT    NOT NULL,
    bank_name       TEXT    NULL,
    bank_code       TEXT    NULL,
    bank_id         INTEGER NULL,
    bank_receipt_no TEXT    NULL,
    refund_time     TEXT    NULL,
    create_time     TEXT    NULL,
    reported_at     TEXT    NOT NULL
);

-- Per-order lock row: refund decisions of one order are taken one after the other.
CREATE TABLE refund_orders (
    order_ref TEXT    PRIMARY KEY,
    decisions INTEGER NOT NULL DEFAULT 0
);

-- The one Payguru token every consumer and instance shares (invariant 7), and the refresh lease.
CREATE TABLE payguru_tokens (
    merchant_id        TEXT    PRIMARY KEY,
    token              TEXT    NULL,
    generation         INTEGER NOT NULL DEFAULT 0,
    issued_at          TEXT    NULL,
    refresh_owner      TEXT    NULL,
    refresh_expires_at INTEGER NOT NULL DEFAULT 0 -- Unix milliseconds
);
