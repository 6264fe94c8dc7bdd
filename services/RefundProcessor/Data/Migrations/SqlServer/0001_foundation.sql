-- SQL Server twin of Sqlite/0001_foundation.sql: the same tables, columns and indexes, holding the
-- same values the stores write on SQLite. Conventions of every SQL Server script:
--   * text is NVARCHAR (Dapper sends strings as NVARCHAR, so no conversion ever stops an index seek)
--     with the binary collation Latin1_General_100_BIN2, whatever the database's default: values
--     compare and sort by code point, case-sensitively, as SQLite compares TEXT;
--   * a bounded length only where an index needs one or the processor bounds the value itself;
--     other text (external, without a length rule) is NVARCHAR(MAX), so nothing SQLite stores fails here;
--   * SQLite's INTEGER (64-bit) is BIGINT; times are the round-trip UTC text ("O") the stores write,
--     which sorts as it compares; Unix milliseconds stay BIGINT;
--   * SQLite's partial indexes are filtered indexes;
--   * one batch per script (no GO): the migrator runs it as one command in its transaction.

-- Inbox: the message ids each endpoint has handled, written in the same transaction as the state change.
CREATE TABLE inbox_messages (
    endpoint     NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    message_id   NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    message_type NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    received_at  NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_inbox_messages PRIMARY KEY (endpoint, message_id)
);

-- Transactional outbox: messages committed with the state that caused them, sent afterwards.
CREATE TABLE outbox_messages (
    sequence         BIGINT IDENTITY(1, 1) NOT NULL,
    message_id       NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    message_type     NVARCHAR(400) COLLATE Latin1_General_100_BIN2 NOT NULL,
    body             NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    created_at       NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    claimed_by       NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
    claim_expires_at BIGINT        NULL, -- Unix milliseconds; a claim past this may be taken over
    attempts         BIGINT        NOT NULL CONSTRAINT df_outbox_messages_attempts DEFAULT 0,
    last_error       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    sent_at          NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL,
    CONSTRAINT pk_outbox_messages PRIMARY KEY (sequence)
);
-- The claim reads claim_expires_at of every unsent row; the filter column is included so that the
-- optimizer can answer "sent_at IS NULL" from the index alone.
CREATE INDEX ix_outbox_messages_unsent ON outbox_messages (sequence) INCLUDE (claim_expires_at, sent_at) WHERE sent_at IS NULL;

-- One relay sends at a time, so relayed messages leave in sequence order across instances.
CREATE TABLE outbox_relay_lease (
    id         BIGINT        NOT NULL,
    owner      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
    expires_at BIGINT        NOT NULL, -- Unix milliseconds
    CONSTRAINT pk_outbox_relay_lease PRIMARY KEY (id),
    CONSTRAINT ck_outbox_relay_lease_single_row CHECK (id = 1)
);
INSERT INTO outbox_relay_lease (id, owner, expires_at) VALUES (1, NULL, 0);

-- Accepted payments (PaymentAccepted), one row per Payguru transaction.
-- order_ref: 450 characters, the longest a clustered key may be (refund_orders); a valid order has at most 100.
CREATE TABLE payments (
    txid             BIGINT        NOT NULL,
    payguru_code     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    order_ref        NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    amount           NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    service_code     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    bank             NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    transaction_time NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    recorded_at      NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_payments PRIMARY KEY (txid)
);
CREATE INDEX ix_payments_order_ref ON payments (order_ref);

-- Notifications with a status other than accepted (PaymentStatusReported), kept so nothing is dropped.
CREATE TABLE payment_status_reports (
    txid             BIGINT        NOT NULL,
    status           BIGINT        NOT NULL,
    payguru_code     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    order_ref        NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    amount           NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    service_code     NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    bank             NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    transaction_time NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    recorded_at      NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_payment_status_reports PRIMARY KEY (txid, status)
);
