-- 0007_delivery: the outbox gets delivered (issue 7). Each outbox row is sent by the delivery worker with a
-- stable `webhook_id` (the Standard Webhooks `webhook-id`, the same on every retry and after a crash), marked
-- `sending` durably before the request leaves, retried with backoff, and finally `sent` or `dead`.
--
-- SQLite cannot change a CHECK constraint in place, so notification_outbox is rebuilt with the new statuses;
-- no table refers to it yet. The rows written before ('failed' was never used) keep their ids.
CREATE TABLE notification_outbox_v2 (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    timeline_event_id INTEGER NOT NULL REFERENCES timeline_events (id),
    level INTEGER NOT NULL CHECK (level >= 0),
    cycle INTEGER NOT NULL CHECK (cycle >= 0),
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'slack', 'email')),
    address TEXT NOT NULL CHECK (address <> ''),
    user_handle TEXT,
    schedule_name TEXT,
    payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
    -- pending: waiting for next_attempt_at; sending: a request is (or was, at a crash) on its way;
    -- sent: a 2xx came back; dead: retried for a day without success (last_error says why).
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER,
    -- Random once per row: a receiver that sees the same id twice has seen the same page twice.
    webhook_id TEXT NOT NULL UNIQUE DEFAULT ('msg_' || lower(hex(randomblob(16)))),
    last_error TEXT
) STRICT;

INSERT INTO notification_outbox_v2 (id, incident_id, timeline_event_id, level, cycle, channel, address, user_handle,
    schedule_name, payload, status, attempts, created_at, next_attempt_at, sent_at)
SELECT id, incident_id, timeline_event_id, level, cycle, channel, address, user_handle, schedule_name, payload,
    CASE status WHEN 'failed' THEN 'dead' ELSE status END, attempts, created_at, next_attempt_at, sent_at
FROM notification_outbox;

DROP TABLE notification_outbox;
ALTER TABLE notification_outbox_v2 RENAME TO notification_outbox;

CREATE INDEX notification_outbox_by_incident ON notification_outbox (incident_id, id);
-- The worker's one query: what is due. Email rows wait for a mail sender and stay out of it.
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at)
    WHERE status = 'pending' AND channel <> 'email';
-- At start: what was in flight at a crash.
CREATE INDEX notification_outbox_sending ON notification_outbox (id) WHERE status = 'sending';

-- Every try of every delivery: when, how long, and what came back.
CREATE TABLE notification_attempts (
    id INTEGER PRIMARY KEY,
    outbox_id INTEGER NOT NULL REFERENCES notification_outbox (id),
    started_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
    outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    -- The HTTP status when an answer came, else NULL and `error` says what went wrong.
    http_status INTEGER,
    error TEXT
) STRICT;

CREATE INDEX notification_attempts_by_outbox ON notification_attempts (outbox_id, id);

-- Standard Webhooks signing secrets (`whsec_...`) of outbound pages: a user's for their webhook and Slack URLs,
-- a policy's for its raw webhook targets. NULL: pages go unsigned.
ALTER TABLE users ADD COLUMN signing_secret TEXT;
ALTER TABLE escalation_policies ADD COLUMN signing_secret TEXT;

-- Secrets of the server itself, generated once: `action_links` keys the HMAC of one-click acknowledge and
-- resolve links in pages.
CREATE TABLE server_secrets (
    name TEXT PRIMARY KEY,
    secret BLOB NOT NULL CHECK (length(secret) >= 32)
) STRICT;

INSERT INTO server_secrets (name, secret) VALUES ('action_links', randomblob(32));
