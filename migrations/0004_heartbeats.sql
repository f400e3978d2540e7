-- 0004_heartbeats: dead-man's switches (issue 6). Something pings a heartbeat at least every interval; when a
-- ping is more than interval + grace late an incident opens on its service, and resolves when pings return.
CREATE TABLE heartbeats (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    -- Deleting a service deletes its heartbeats.
    service_id INTEGER NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    interval_seconds INTEGER NOT NULL CHECK (interval_seconds >= 1),
    grace_seconds INTEGER NOT NULL DEFAULT 0 CHECK (grace_seconds >= 0),
    last_ping_at INTEGER,
    -- When it counts as missed: the last ping (or the creation) + interval + grace.
    due_at INTEGER NOT NULL,
    -- The incident opened because it was missed, until a ping returns (at most one at a time).
    incident_id INTEGER REFERENCES incidents (id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- "Which healthy heartbeats are overdue": the monitor's one query.
CREATE INDEX heartbeats_due ON heartbeats (due_at) WHERE incident_id IS NULL;
