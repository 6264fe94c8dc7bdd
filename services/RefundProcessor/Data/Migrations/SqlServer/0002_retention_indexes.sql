-- SQL Server twin of Sqlite/0002_retention_indexes.sql.
-- The retention cleaner deletes by age; these keep its deletes from scanning whole tables.
CREATE INDEX ix_inbox_messages_received_at ON inbox_messages (received_at);
CREATE INDEX ix_outbox_messages_sent_at ON outbox_messages (sent_at) WHERE sent_at IS NOT NULL;
