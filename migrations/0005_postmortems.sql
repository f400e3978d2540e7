-- 0005_postmortems: the parts of a postmortem that people write, and the action items it decides on.

-- One row per written section of an incident's postmortem (Markdown text); unwritten sections have no row.
CREATE TABLE postmortem_sections (
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    name TEXT NOT NULL CHECK (name IN (
        'summary', 'impact', 'root_causes', 'trigger', 'resolution', 'went_well', 'went_wrong', 'got_lucky')),
    text TEXT NOT NULL CHECK (text <> ''),
    updated_at INTEGER NOT NULL,
    -- Who wrote it last, as `kind:name` like timeline actors.
    updated_by TEXT NOT NULL CHECK (instr(updated_by, ':') > 1),
    PRIMARY KEY (incident_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE action_items (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    title TEXT NOT NULL CHECK (title <> ''),
    type TEXT NOT NULL CHECK (type IN ('mitigate', 'prevent', 'process')),
    owner TEXT CHECK (owner IS NULL OR owner <> ''),
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
    -- A calendar date, YYYY-MM-DD, so text order is date order.
    due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    link TEXT CHECK (link IS NULL OR link GLOB 'http*://*'),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    done_at INTEGER,
    CHECK ((status = 'done') = (done_at IS NOT NULL))
) STRICT;

CREATE INDEX action_items_by_incident ON action_items (incident_id, id);
-- "Open action items across incidents, overdue first": the open ones are few, ordered by due date.
CREATE INDEX action_items_open_by_due ON action_items (due_date, id) WHERE status = 'open';
