-- 0008_maintenance: maintenance windows (issue 7). During a window, matching incidents still open, but nobody
-- is paged: their escalations hold, and resume (paging the level they stand at) when the window ends.
CREATE TABLE maintenance_windows (
    id INTEGER PRIMARY KEY,
    -- NULL: incidents of every service, as far as the matchers allow. Deleting a service deletes its windows.
    service_id INTEGER REFERENCES services (id) ON DELETE CASCADE,
    -- [{"label": "env", "op": "=", "value": "staging"}]; every matcher must match the incident's labels.
    matchers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(matchers) AND json_type(matchers) = 'array'),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    -- Principal text (`user:alice`, `token:deploy-bot`).
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK (service_id IS NOT NULL OR json_array_length(matchers) > 0)
) STRICT;

-- "Which windows are active now": those that have not ended, few in practice.
CREATE INDEX maintenance_windows_by_end ON maintenance_windows (ends_at);

-- An escalation held by a maintenance window: its timer is stopped (next_escalation_at NULL) until the engine
-- finds no active window covering the incident any more.
ALTER TABLE incident_escalations ADD COLUMN held_by_maintenance INTEGER NOT NULL DEFAULT 0
    CHECK (held_by_maintenance IN (0, 1));
CREATE INDEX incident_escalations_held ON incident_escalations (incident_id) WHERE held_by_maintenance = 1;
