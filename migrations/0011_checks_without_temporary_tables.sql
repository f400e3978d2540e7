-- 0011_checks_without_temporary_tables: the same rules, spelled so that SQLite checks them cheaply.
--
-- SQLite evaluates `x IN (three or more literals)` by building a temporary b-tree of the list, and a CHECK
-- constraint or a partial index's WHERE is evaluated on every INSERT and UPDATE of the table: creating an
-- incident built seven such trees (two CHECKs, five partial indexes), about 40 % of SQLite's work for the
-- whole insert. A list of two (`NOT IN ('resolved', 'closed')`), or comparisons joined by OR, is evaluated
-- in place. Nothing changes in what is accepted or indexed: status and severity are closed enums.

-- The open partial indexes, with the open set spelled as what it is not. A query uses them when it spells
-- the condition exactly so: status NOT IN ('resolved', 'closed').
DROP INDEX incidents_open_by_severity;
CREATE INDEX incidents_open_by_severity ON incidents (severity, created_at, id)
    WHERE status NOT IN ('resolved', 'closed');
DROP INDEX incidents_open_by_service;
CREATE INDEX incidents_open_by_service ON incidents (service_id, created_at, id)
    WHERE status NOT IN ('resolved', 'closed');
DROP INDEX incidents_open_by_service_severity;
CREATE INDEX incidents_open_by_service_severity ON incidents (service_id, severity, created_at, id)
    WHERE status NOT IN ('resolved', 'closed');
DROP INDEX incidents_open_dedup;
CREATE UNIQUE INDEX incidents_open_dedup ON incidents (service_id, dedup_key)
    WHERE dedup_key IS NOT NULL AND status NOT IN ('resolved', 'closed');
DROP INDEX incidents_open_dedup_unrouted;
CREATE UNIQUE INDEX incidents_open_dedup_unrouted ON incidents (dedup_key)
    WHERE service_id IS NULL AND dedup_key IS NOT NULL AND status NOT IN ('resolved', 'closed');

-- The CHECK constraints of incidents.status, incidents.severity and alerts.severity, rewritten in the stored
-- schema: SQLite cannot ALTER a CHECK, and rebuilding the incidents table would rewrite every row and fire
-- its children's ON DELETE actions. This is SQLite's documented way for a change that leaves the stored
-- rows valid (https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes"):
-- every stored row already satisfies the new text, which accepts exactly the same values. The DDL above
-- changes the schema cookie in this transaction, so every connection reloads the schema; the migrator
-- resets its own connection's copy after migrating. A text that does not match (a schema written otherwise)
-- is left as it was, which is only slower.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(
    replace(
        sql,
        'CHECK (status IN (''triggered'', ''acknowledged'', ''mitigated'', ''resolved'', ''closed''))',
        'CHECK (status = ''triggered'' OR status = ''acknowledged'' OR status = ''mitigated'' OR status = ''resolved'' OR status = ''closed'')'),
    'CHECK (severity IN (''sev1'', ''sev2'', ''sev3'', ''sev4'', ''sev5''))',
    'CHECK (severity = ''sev1'' OR severity = ''sev2'' OR severity = ''sev3'' OR severity = ''sev4'' OR severity = ''sev5'')')
WHERE type = 'table' AND name IN ('incidents', 'alerts');
PRAGMA writable_schema = OFF;
