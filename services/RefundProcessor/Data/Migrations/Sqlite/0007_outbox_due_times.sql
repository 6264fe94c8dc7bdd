-- The outbox without claims. A writer sends its messages right after its commit; the relay (one
-- instance at a time, under the lease) sends an unsent message once due_at has passed: a while
-- after it was written (its writer crashed or is slow), or at once when its writer could not send it.
-- ordering_key: messages of one key (a refund's order, a sub-merchant) leave in sequence order.
-- Times are round-trip UTC text, as everywhere: the Unix milliseconds of the claims become that text.
ALTER TABLE outbox_messages ADD COLUMN due_at TEXT NULL; -- NULL: due at once
ALTER TABLE outbox_messages ADD COLUMN ordering_key TEXT NULL;
UPDATE outbox_messages
SET due_at = CASE
    WHEN claim_expires_at IS NULL THEN created_at
    ELSE strftime('%Y-%m-%dT%H:%M:%S', claim_expires_at / 1000, 'unixepoch') || printf('.%03d0000+00:00', claim_expires_at % 1000)
END
WHERE sent_at IS NULL;
ALTER TABLE outbox_messages DROP COLUMN claimed_by;
ALTER TABLE outbox_messages DROP COLUMN claim_expires_at;
CREATE INDEX ix_outbox_messages_unsent_key ON outbox_messages (ordering_key, sequence) WHERE sent_at IS NULL;

-- The relay lease, its expiry as text. A lease held while upgrading is simply taken again.
DROP TABLE outbox_relay_lease;
CREATE TABLE outbox_relay_lease (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    owner      TEXT    NULL,
    expires_at TEXT    NOT NULL
);
INSERT INTO outbox_relay_lease (id, owner, expires_at) VALUES (1, NULL, '1970-01-01T00:00:00.0000000+00:00');
