-- 0016_json_shape_checks: the JSON columns written with every alert and timeline event are checked for their
-- shape, not parsed.
--
-- `CHECK (json_valid(x) AND json_type(x) = 'object')` makes SQLite parse the whole text on every INSERT: for an
-- alert that is four texts (labels, annotations, links, details), for its `alert_received` event the event data
-- (the same labels and annotations again), about a sixth of the one writer's time in a storm of new alerts.
-- These columns are written only by Klaxon's JSON writers (`JSONText`, whose output the store's tests check
-- with `json_valid`), and read back by readers that fail loudly on anything malformed; a text that is not an
-- object (or array) at all, or is empty, is still refused here. `incidents.labels` stays parsed on every write
-- regardless: its trigger reads it with `json_each`, which refuses malformed JSON. The rarely written JSON
-- columns (policies, schedules, payloads, services) keep their full checks.
--
-- Rewritten in the stored schema, as 0011 does (https://www.sqlite.org/lang_altertable.html, "Making Other
-- Kinds Of Table Schema Changes"): every stored row satisfies the new text, which refuses less. A text that
-- does not match (a schema written otherwise) is left as it was, which is only slower. The table created and
-- dropped at the end moves the schema cookie (the UPDATE does not), so every connection reloads the schema;
-- the migrator resets its own.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(
    replace(
        replace(
            replace(
                replace(
                    sql,
                    'CHECK (json_valid(labels) AND json_type(labels) = ''object'')',
                    'CHECK (substr(labels, 1, 1) = ''{'' AND substr(labels, -1, 1) = ''}'')'),
                'CHECK (json_valid(annotations) AND json_type(annotations) = ''object'')',
                'CHECK (substr(annotations, 1, 1) = ''{'' AND substr(annotations, -1, 1) = ''}'')'),
            'CHECK (json_valid(links) AND json_type(links) = ''array'')',
            'CHECK (substr(links, 1, 1) = ''['' AND substr(links, -1, 1) = '']'')'),
        'CHECK (json_valid(details) AND json_type(details) = ''object'')',
        'CHECK (substr(details, 1, 1) = ''{'' AND substr(details, -1, 1) = ''}'')'),
    'CHECK (json_valid(data) AND json_type(data) = ''object'')',
    'CHECK (substr(data, 1, 1) = ''{'' AND substr(data, -1, 1) = ''}'')')
WHERE type = 'table' AND name IN ('alerts', 'timeline_events');
PRAGMA writable_schema = OFF;

-- DDL, only to move the schema cookie (see above).
CREATE TABLE klaxon_schema_cookie_bump (unused INTEGER);
DROP TABLE klaxon_schema_cookie_bump;
