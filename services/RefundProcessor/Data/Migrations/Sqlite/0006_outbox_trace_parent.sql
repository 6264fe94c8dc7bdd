-- The W3C trace context an outbox message was written in, so that a message the relay sends
-- later is published in that trace. NULL when it was written outside a trace (telemetry off).
ALTER TABLE outbox_messages ADD COLUMN trace_parent TEXT NULL;
