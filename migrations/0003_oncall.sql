-- 0003_oncall: users, on-call schedules, escalation policies (and the policy a service follows), the
-- escalation state of incidents and the notification outbox (issue 6).
--
-- Rotations, overrides and levels are JSON arrays in their row: they are read and written whole, never
-- queried by part. They name users and schedules by handle and name, which never change once created.

-- People who can be paged. Handles follow the rule of service names.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    handle TEXT NOT NULL UNIQUE
        CHECK (length(handle) BETWEEN 1 AND 64 AND handle GLOB '[a-z]*' AND handle NOT GLOB '*[^a-z0-9_-]*'),
    name TEXT NOT NULL CHECK (name <> ''),
    -- An IANA zone identifier, checked by the domain.
    time_zone TEXT NOT NULL CHECK (time_zone <> ''),
    -- {"start": "09:00", "end": "18:00", "days": [1, 2, 3, 4, 5]}
    working_hours TEXT NOT NULL CHECK (json_valid(working_hours) AND json_type(working_hours) = 'object'),
    webhook_url TEXT,
    slack_webhook_url TEXT,
    email TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- An API token may belong to a user: the timeline then names the person (`user:alice`).
ALTER TABLE api_tokens ADD COLUMN user_id INTEGER REFERENCES users (id);

CREATE TABLE schedules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    rotations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(rotations) AND json_type(rotations) = 'array'),
    overrides TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(overrides) AND json_type(overrides) = 'array'),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

CREATE TABLE escalation_policies (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    -- [{"delay_minutes": 5, "targets": [{"user": "alice"}, {"schedule": "primary"}, {"webhook": "https://..."}]}]
    levels TEXT NOT NULL CHECK (json_valid(levels) AND json_type(levels) = 'array' AND json_array_length(levels) >= 1),
    repeat_count INTEGER NOT NULL DEFAULT 0 CHECK (repeat_count >= 0),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;

-- The policy a service's new incidents follow (a policy followed by a service cannot be deleted).
ALTER TABLE services ADD COLUMN escalation_policy_id INTEGER REFERENCES escalation_policies (id);

-- Where each escalating incident stands: the engine's whole state, so a restart picks up exactly there.
-- Changed only in the transaction that changes the incident and writes its pages.
CREATE TABLE incident_escalations (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    -- Deleting a policy is refused while a service follows it; its incidents then simply stop escalating.
    policy_id INTEGER NOT NULL REFERENCES escalation_policies (id) ON DELETE CASCADE,
    -- The 0-based index of the level most recently paged, and the completed passes over all levels.
    level INTEGER NOT NULL CHECK (level >= 0),
    cycle INTEGER NOT NULL CHECK (cycle >= 0),
    -- When the current level's delay runs out; NULL while stopped (acknowledged, resolved, exhausted).
    next_escalation_at INTEGER,
    exhausted INTEGER NOT NULL DEFAULT 0 CHECK (exhausted IN (0, 1))
) STRICT;

-- "Which timers ran out": the engine's one query, on running timers only.
CREATE INDEX incident_escalations_due ON incident_escalations (next_escalation_at)
    WHERE next_escalation_at IS NOT NULL;

-- Every page to every address, written with the `paged` timeline event that causes it; delivered later.
CREATE TABLE notification_outbox (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    timeline_event_id INTEGER NOT NULL REFERENCES timeline_events (id),
    level INTEGER NOT NULL CHECK (level >= 0),
    cycle INTEGER NOT NULL CHECK (cycle >= 0),
    channel TEXT NOT NULL CHECK (channel IN ('webhook', 'slack', 'email')),
    address TEXT NOT NULL CHECK (address <> ''),
    -- The user paged (NULL for a raw webhook target) and the schedule that named them, if any.
    user_handle TEXT,
    schedule_name TEXT,
    -- The generic JSON page as a sender posts it.
    payload TEXT NOT NULL CHECK (json_valid(payload) AND json_type(payload) = 'object'),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at INTEGER NOT NULL,
    -- When a sender should try it (next); retries with backoff move it forward.
    next_attempt_at INTEGER NOT NULL,
    sent_at INTEGER
) STRICT;

CREATE INDEX notification_outbox_by_incident ON notification_outbox (incident_id, id);
CREATE INDEX notification_outbox_pending ON notification_outbox (next_attempt_at) WHERE status = 'pending';
