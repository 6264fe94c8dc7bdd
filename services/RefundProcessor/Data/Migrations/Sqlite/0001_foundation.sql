-- Inbox: the message ids each endpoint has handled, written in the same transaction as the state change.
CREATE TABLE inbox_messages (
    endpoint     TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    message_type TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (endpoint, message_id)
);

-- Transactional outbox: messages committed with the state that caused them, sent afterwards.
CREATE TABLE outbox_messages (
    sequence         INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id       TEXT    NOT NULL,
    message_type     TEXT    NOT NULL,
    body             TEXT    NOT NULL,
    created_at       TEXT    NOT NULL,
    claimed_by       TEXT    NULL,
    claim_expires_at INTEGER NULL, -- Unix milliseconds; a claim past this may be taken over
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT    NULL,
    sent_at          TEXT    NULL
);
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) WHERE sent_at IS NULL;

-- One relay sends at a time, so relayed messages leave in sequence order across instances.
CREATE TABLE outbox_relay_lease (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    owner      TEXT    NULL,
    expires_at INTEGER NOT NULL -- Unix milliseconds
);
INSERT INTO outbox_relay_lease (id, owner, expires_at) VALUES (1, NULL, 0);

-- Accepted payments (PaymentAccepted), one row per Payguru transaction.
CREATE TABLE payments (
    txid             INTEGER PRIMARY KEY,
    payguru_code     TEXT NOT NULL,
    order_ref        TEXT NOT NULL,
    amount           TEXT NOT NULL,
    service_code     TEXT NOT NULL,
    bank             TEXT NOT NULL,
    transaction_time TEXT NOT NULL,
    recorded_at      TEXT NOT NULL
);
CREATE INDEX ix_payments_order_ref ON payments (order_ref);

-- Notifications with a status other than accepted (PaymentStatusReported), kept so nothing is dropped.
CREATE TABLE payment_status_reports (
    txid             INTEGER NOT NULL,
    status           INTEGER NOT NULL,
    payguru_code     TEXT    NOT NULL,
    order_ref        TEXT    NOT NULL,
    amount           TEXT    NOT NULL,
    service_code     TEXT    NOT NULL,
    bank             TEXT    NOT NULL,
    transaction_time TEXT    NOT NULL,
    recorded_at      TEXT    NOT NULL,
    PRIMARY KEY (txid, status)
);
