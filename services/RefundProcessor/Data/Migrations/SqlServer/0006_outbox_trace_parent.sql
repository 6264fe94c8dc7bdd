-- SQL Server twin of Sqlite/0006_outbox_trace_parent.sql.
-- The W3C trace context an outbox message was written in, so that a message the relay sends
-- later is published in that trace. NULL when it was written outside a trace (telemetry off).
-- A traceparent is 55 characters; later versions of the format may append fields.
ALTER TABLE outbox_messages ADD trace_parent NVARCHAR(256) COLLATE Latin1_General_100_BIN2 NULL;
