-- 0002_alerts: the alerts that senders posted, each linked to the incident it opened or joined.
--
-- One row per (incident, alert key): re-sends of the same alert update it (last seen, times seen, status)
-- instead of adding rows, so an Alertmanager group re-sent every group_interval stays one row per alert.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    -- The kind of sender: alertmanager, grafana, pagerduty, opsgenie, generic, ...
    source TEXT NOT NULL CHECK (source <> ''),
    -- The incident's key as the sender named it (the incident's own dedup_key) and this alert's key in it.
    dedup_key TEXT NOT NULL CHECK (dedup_key <> ''),
    alert_key TEXT NOT NULL CHECK (alert_key <> ''),
    status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
    title TEXT NOT NULL CHECK (title <> ''),
    severity TEXT NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4', 'sev5')),
    -- The alert's labels and annotations as the sender gave them (JSON objects of strings).
    labels TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels) AND json_type(labels) = 'object'),
    annotations TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(annotations) AND json_type(annotations) = 'object'),
    -- Links the sender attached, as a JSON array of {href, text}.
    links TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(links) AND json_type(links) = 'array'),
    -- The sender's other fields (never credentials), as a JSON object.
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details) AND json_type(details) = 'object'),
    -- When the problem started and ended according to the sender.
    starts_at INTEGER NOT NULL,
    ends_at INTEGER,
    -- When Klaxon first and last received it, how often, and when it last resolved.
    first_seen_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    resolved_at INTEGER,
    times_seen INTEGER NOT NULL DEFAULT 1 CHECK (times_seen >= 1),
    UNIQUE (incident_id, alert_key),
    CHECK ((status = 'resolved') = (resolved_at IS NOT NULL))
) STRICT;

-- "Which alert keys are firing on this incident": read for every alert, inside the ingesting transaction.
CREATE INDEX alerts_firing_by_incident ON alerts (incident_id, alert_key) WHERE status = 'firing';

-- "The key's open incident on a service, else its most recent resolved or closed one": the open one comes
-- from incidents_open_dedup (0001); this index finds the newest of all incidents with the key.
CREATE INDEX incidents_by_service_dedup ON incidents (service_id, dedup_key, id) WHERE dedup_key IS NOT NULL;

-- Signing secrets of a service (at most two, so a sender can move to a new one without a gap): signed
-- receivers (the generic one, by the Standard Webhooks convention) refuse unsigned requests for a service that
-- has any. Kept as given (HMAC needs the secret itself); deleted with the service.
CREATE TABLE service_signing_secrets (
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    secret TEXT NOT NULL CHECK (length(secret) >= 24),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (service_id, secret)
) STRICT, WITHOUT ROWID;

-- `webhook-id`s of signed requests already taken, per service, so a replayed request is refused. Rows older
-- than twice the timestamp tolerance are useless (their timestamps are refused anyway) and purged on insert.
CREATE TABLE seen_webhooks (
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    webhook_id TEXT NOT NULL CHECK (webhook_id <> ''),
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (service_id, webhook_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX seen_webhooks_by_time ON seen_webhooks (seen_at);
