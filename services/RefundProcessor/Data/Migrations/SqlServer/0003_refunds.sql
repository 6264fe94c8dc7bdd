-- SQL Server twin of Sqlite/0003_refunds.sql (conventions in 0001_foundation.sql).
-- Refund requests (RequestRefund), one row per caller's RefundRequestId.
-- state: accepted (decided, not yet sent) -> creating (an attempt owns it) -> submitted | rejected.
CREATE TABLE refunds (
    request_id         NVARCHAR(36)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    order_ref          NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    payguru_code       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    service_code       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    amount             NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL, -- invariant text, two decimals, as sent to refund/create
    contact_name       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL,
    iban               NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL, -- electronic form; only the last four of a rejected one
    reason             NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    state              NVARCHAR(20)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    refund_id          BIGINT        NULL,     -- Payguru's, once submitted
    rejection_reason   NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    rejection_message  NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    provider_code      NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    attempt_owner      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,     -- the attempt that may call refund/create now
    attempt_expires_at BIGINT        NULL,     -- Unix milliseconds; past it the outcome is looked up by order
    attempts           BIGINT        NOT NULL CONSTRAINT df_refunds_attempts DEFAULT 0,
    requested_at       NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    updated_at         NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    reconciled_at      BIGINT        NULL,     -- Unix milliseconds of the last refund/get of the poller
    CONSTRAINT pk_refunds PRIMARY KEY (request_id)
);
CREATE UNIQUE INDEX ux_refunds_refund_id ON refunds (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX ix_refunds_order_ref ON refunds (order_ref);
CREATE INDEX ix_refunds_open ON refunds (state, attempt_expires_at) WHERE state IN ('accepted', 'creating');
-- At most one create in flight per order, so that a lookup by order can tell whose refund it sees.
-- SqlServerRefundQueries.StartAttempt relies on it to refuse a second start that raced the first.
CREATE UNIQUE INDEX ux_refunds_creating_order ON refunds (order_ref) WHERE state = 'creating';

-- Payguru's latest status of each refund, from its notifications (RefundSettled) or reconciliation.
CREATE TABLE refund_results (
    refund_id       BIGINT        NOT NULL,
    status          BIGINT        NOT NULL,
    order_ref       NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    amount          NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    bank_name       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    bank_code       NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    bank_id         BIGINT        NULL,
    bank_receipt_no NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    refund_time     NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL,
    create_time     NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL,
    reported_at     NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NOT NULL,
    CONSTRAINT pk_refund_results PRIMARY KEY (refund_id)
);

-- Per-order lock row: refund decisions of one order are taken one after the other.
CREATE TABLE refund_orders (
    order_ref NVARCHAR(450) COLLATE Latin1_General_100_BIN2 NOT NULL,
    decisions BIGINT        NOT NULL CONSTRAINT df_refund_orders_decisions DEFAULT 0,
    CONSTRAINT pk_refund_orders PRIMARY KEY (order_ref)
);

-- The one Payguru token every consumer and instance shares (invariant 7), and the refresh lease.
CREATE TABLE payguru_tokens (
    merchant_id        NVARCHAR(100) COLLATE Latin1_General_100_BIN2 NOT NULL,
    token              NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NULL,
    generation         BIGINT        NOT NULL CONSTRAINT df_payguru_tokens_generation DEFAULT 0,
    issued_at          NVARCHAR(40)  COLLATE Latin1_General_100_BIN2 NULL,
    refresh_owner      NVARCHAR(200) COLLATE Latin1_General_100_BIN2 NULL,
    refresh_expires_at BIGINT        NOT NULL CONSTRAINT df_payguru_tokens_refresh_expires_at DEFAULT 0, -- Unix milliseconds
    CONSTRAINT pk_payguru_tokens PRIMARY KEY (merchant_id)
);
