-- 0019_service_former_names: a renamed service keeps answering to its former names.
--
-- Alert senders name services in their payloads (Alertmanager's `service` label, a generic alert's `service`),
-- and those configurations change later than a rename in Klaxon. Until 0019 an alert naming the old name went to
-- the `default` service with a warning: not lost, but not paging the team that owns it. Now the rename keeps
-- the old name here, and every lookup by name (alert routing, URLs, list filters, bodies naming a service) finds
-- the service through it. A name is either a service's name or one service's former name, never both: the
-- store refuses to create or rename a service to a name kept here (409, naming the service that keeps it), and
-- `PATCH {"former_names": [...]}` forgets names.
CREATE TABLE service_former_names (
    name TEXT PRIMARY KEY NOT NULL
        CHECK (length(name) BETWEEN 1 AND 64 AND name GLOB '[a-z]*' AND name NOT GLOB '*[^a-z0-9_-]*'),
    service_id INTEGER NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX service_former_names_by_service ON service_former_names(service_id);
