-- 0001_initial: services, incidents (with their label side table and append-only timeline),
-- API tokens and idempotency keys.
--
-- Conventions for every migration: times are INTEGER milliseconds since 1970-01-01T00:00:00Z (UTC);
-- JSON columns hold text that json_valid accepts; tables are STRICT. A landed migration is never
-- edited: later changes go into a new numbered file. Migrations run inside a transaction: no BEGIN/COMMIT.

-- A service groups incidents and receives alerts through its integration key.
-- Names follow the domain's rule (1-64 of a-z 0-9 - _, starting with a letter), so a name is never an id.
CREATE TABLE services (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    description TEXT NOT NULL DEFAULT '',
    -- Labels an incoming alert must carry to be routed here, as a JSON object of strings.
    routing_labels TEXT NOT NULL DEFAULT '{}'
        CHECK (json_valid(routing_labels) AND json_type(routing_labels) = 'object'),
    integration_key TEXT NOT NULL UNIQUE CHECK (length(integration_key) >= 32),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- The service that always exists; its integration key is random and can be rotated later.
INSERT INTO services (name, description, routing_labels, integration_key, created_at, updated_at)
VALUES (
    'default',
    'Incidents that no other service claims.',
    '{}',
    lower(hex(randomblob(16))),
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER),
    CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
);

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (title <> ''),
    summary TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT 'triggered'
        CHECK (status IN ('triggered', 'acknowledged', 'mitigated', 'resolved', 'closed')),
    severity TEXT NOT NULL DEFAULT 'sev3' CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4', 'sev5')),
    -- Optional; deleting a service (allowed only without open incidents) keeps its past incidents, unrouted.
    service_id INTEGER REFERENCES services (id) ON DELETE SET NULL,
    commander TEXT,
    -- A JSON object of strings; mirrored row by row into incident_labels by the triggers below.
    labels TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(labels) AND json_type(labels) = 'object'),
    dedup_key TEXT CHECK (dedup_key IS NULL OR dedup_key <> ''),
    escalation_level INTEGER NOT NULL DEFAULT 0 CHECK (escalation_level >= 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    acknowledged_at INTEGER,
    mitigated_at INTEGER,
    resolved_at INTEGER,
    closed_at INTEGER,
    -- Bumped on every change, for optimistic concurrency (If-Match).
    version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1)
) STRICT;

-- List filters, each ending in (created_at, id) for newest-first keyset pagination.
CREATE INDEX incidents_by_created ON incidents (created_at, id);
CREATE INDEX incidents_by_status ON incidents (status, severity, created_at, id);
CREATE INDEX incidents_by_severity ON incidents (severity, created_at, id);
CREATE INDEX incidents_by_service ON incidents (service_id, created_at, id);
-- Open incidents are few among many closed ones and are what the dashboard lists: these small partial
-- indexes answer "open, by severity", "open, of a service" and both without walking closed incidents. A query
-- uses them when it spells the condition exactly so: status IN ('triggered', 'acknowledged', 'mitigated').
CREATE INDEX incidents_open_by_severity ON incidents (severity, created_at, id)
    WHERE status IN ('triggered', 'acknowledged', 'mitigated');
CREATE INDEX incidents_open_by_service ON incidents (service_id, created_at, id)
    WHERE status IN ('triggered', 'acknowledged', 'mitigated');
CREATE INDEX incidents_open_by_service_severity ON incidents (service_id, severity, created_at, id)
    WHERE status IN ('triggered', 'acknowledged', 'mitigated');

-- At most one open incident per service and dedup key, enforced here and not only in code.
CREATE UNIQUE INDEX incidents_open_dedup ON incidents (service_id, dedup_key)
    WHERE dedup_key IS NOT NULL AND status IN ('triggered', 'acknowledged', 'mitigated');
-- The same for incidents without a service (NULLs are distinct in the index above).
CREATE UNIQUE INDEX incidents_open_dedup_unrouted ON incidents (dedup_key)
    WHERE service_id IS NULL AND dedup_key IS NOT NULL AND status IN ('triggered', 'acknowledged', 'mitigated');

-- One row per label of an incident, so `label=key:value` filters use an index instead of scanning JSON.
CREATE TABLE incident_labels (
    incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (incident_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX incident_labels_by_value ON incident_labels (key, value, incident_id);

CREATE TRIGGER incidents_labels_after_insert AFTER INSERT ON incidents
BEGIN
    INSERT INTO incident_labels (incident_id, key, value)
    SELECT NEW.id, key, value FROM json_each(NEW.labels);
END;

CREATE TRIGGER incidents_labels_after_update AFTER UPDATE OF labels ON incidents
BEGIN
    DELETE FROM incident_labels WHERE incident_id = NEW.id;
    INSERT INTO incident_labels (incident_id, key, value)
    SELECT NEW.id, key, value FROM json_each(NEW.labels);
END;

-- Every change to an incident, oldest first; rows are never changed or removed.
CREATE TABLE timeline_events (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind <> ''),
    -- Who did it, as `kind:name` (`token:alice`, `system:klaxon`): a non-empty kind, a colon, a non-empty name.
    actor TEXT NOT NULL CHECK (instr(actor, ':') > 1 AND length(actor) > instr(actor, ':')),
    message TEXT NOT NULL DEFAULT '',
    -- Structured facts as a JSON object (old and new values, levels, flags).
    data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data) AND json_type(data) = 'object')
) STRICT;

CREATE INDEX timeline_events_by_incident ON timeline_events (incident_id, id);

CREATE TRIGGER timeline_events_append_only_update BEFORE UPDATE ON timeline_events
BEGIN
    SELECT RAISE(ABORT, 'timeline_events is append-only');
END;

CREATE TRIGGER timeline_events_append_only_delete BEFORE DELETE ON timeline_events
BEGIN
    SELECT RAISE(ABORT, 'timeline_events is append-only');
END;

-- API tokens: only the SHA-256 of the secret is kept (looked up through its unique index).
-- Names follow the same rule as service names; they stay unique after revocation (timeline actors).
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    scope TEXT NOT NULL CHECK (scope IN ('read', 'write', 'admin', 'ingest')),
    secret_hash BLOB NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
) STRICT;

-- Answers to POST requests that carried an Idempotency-Key, replayed for 24 h. A record is written
-- (pending: no response yet) before the request runs, so two concurrent requests with one key cannot
-- both run; the answer is filled in when the request is done.
CREATE TABLE idempotency_keys (
    -- Who used the key, as `kind:name` (keys are scoped per principal).
    actor TEXT NOT NULL,
    key TEXT NOT NULL,
    -- SHA-256 of method, path and body: the same key with another request is refused.
    request_hash BLOB NOT NULL,
    -- NULL while pending; then the status, headers and body to replay, all three together.
    response_status INTEGER CHECK (response_status BETWEEN 100 AND 599),
    -- Headers to replay (Location, Content-Type), as a JSON object of strings.
    response_headers TEXT
        CHECK (response_headers IS NULL OR (json_valid(response_headers) AND json_type(response_headers) = 'object')),
    response_body BLOB,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (actor, key),
    CHECK ((response_status IS NULL) = (response_headers IS NULL) AND (response_status IS NULL) = (response_body IS NULL))
) STRICT, WITHOUT ROWID;

CREATE INDEX idempotency_keys_by_created ON idempotency_keys (created_at);

-- One row that `GET /readyz` rewrites to prove the database takes durable writes right now.
CREATE TABLE store_heartbeat (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    beats INTEGER NOT NULL
) STRICT;

INSERT INTO store_heartbeat (id, beats) VALUES (1, 0);
