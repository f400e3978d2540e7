-- 0014_response_time_counters: the time-to-acknowledge and time-to-resolve histograms of /metrics, kept as
-- counters that every change of an incident's acknowledged_at or resolved_at moves, instead of being counted
-- over every incident at each scrape: on 1,000,000 incidents that count took ~2 s per histogram, every
-- scrape, holding a read transaction (and the log's checkpoint) open meanwhile. Now a scrape reads 26 rows.
--
-- One row per histogram bucket: the incidents whose time (milliseconds from created_at, at least 0) is at
-- most upper_bound_ms and above the previous bucket's bound, and the sum of their times. The last bound,
-- 9223372036854775807, is the +Inf bucket. The bounds are those of StoreMetrics.responseTimeBounds.
CREATE TABLE incident_response_times (
    measure TEXT NOT NULL CHECK (measure = 'acknowledge' OR measure = 'resolve'),
    upper_bound_ms INTEGER NOT NULL CHECK (upper_bound_ms > 0),
    incidents INTEGER NOT NULL DEFAULT 0,
    total_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (measure, upper_bound_ms)
) WITHOUT ROWID;

INSERT INTO incident_response_times (measure, upper_bound_ms)
SELECT measures.column1, bounds.column1 * 1000
FROM (VALUES ('acknowledge'), ('resolve')) AS measures
CROSS JOIN (
    VALUES (30), (60), (120), (300), (600), (900), (1800), (3600), (7200), (14400), (43200), (86400)
) AS bounds;
INSERT INTO incident_response_times (measure, upper_bound_ms)
VALUES ('acknowledge', 9223372036854775807), ('resolve', 9223372036854775807);

-- What the incidents already hold.
WITH times (measure, ms) AS (
    SELECT 'acknowledge', max(0, acknowledged_at - created_at) FROM incidents WHERE acknowledged_at IS NOT NULL
    UNION ALL
    SELECT 'resolve', max(0, resolved_at - created_at) FROM incidents WHERE resolved_at IS NOT NULL
),
bucketed (measure, upper_bound_ms, ms) AS (
    SELECT times.measure, (
        SELECT min(b.upper_bound_ms) FROM incident_response_times b
        WHERE b.measure = times.measure AND b.upper_bound_ms >= times.ms
    ), times.ms
    FROM times
)
UPDATE incident_response_times SET incidents = totals.incidents, total_ms = totals.total_ms
FROM (
    SELECT measure, upper_bound_ms, count(*) AS incidents, sum(ms) AS total_ms FROM bucketed GROUP BY 1, 2
) AS totals
WHERE incident_response_times.measure = totals.measure
    AND incident_response_times.upper_bound_ms = totals.upper_bound_ms;

-- From now on, every change moves them. Creating an incident (both times NULL) fires nothing.
CREATE TRIGGER incidents_response_times_after_insert AFTER INSERT ON incidents
WHEN new.acknowledged_at IS NOT NULL OR new.resolved_at IS NOT NULL
BEGIN
    UPDATE incident_response_times
    SET incidents = incidents + 1, total_ms = total_ms + max(0, new.acknowledged_at - new.created_at)
    WHERE new.acknowledged_at IS NOT NULL AND measure = 'acknowledge' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'acknowledge' AND upper_bound_ms >= max(0, new.acknowledged_at - new.created_at));
    UPDATE incident_response_times
    SET incidents = incidents + 1, total_ms = total_ms + max(0, new.resolved_at - new.created_at)
    WHERE new.resolved_at IS NOT NULL AND measure = 'resolve' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'resolve' AND upper_bound_ms >= max(0, new.resolved_at - new.created_at));
END;

CREATE TRIGGER incidents_time_to_acknowledge_after_update AFTER UPDATE OF acknowledged_at, created_at ON incidents
WHEN old.acknowledged_at IS NOT new.acknowledged_at OR old.created_at IS NOT new.created_at
BEGIN
    UPDATE incident_response_times
    SET incidents = incidents - 1, total_ms = total_ms - max(0, old.acknowledged_at - old.created_at)
    WHERE old.acknowledged_at IS NOT NULL AND measure = 'acknowledge' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'acknowledge' AND upper_bound_ms >= max(0, old.acknowledged_at - old.created_at));
    UPDATE incident_response_times
    SET incidents = incidents + 1, total_ms = total_ms + max(0, new.acknowledged_at - new.created_at)
    WHERE new.acknowledged_at IS NOT NULL AND measure = 'acknowledge' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'acknowledge' AND upper_bound_ms >= max(0, new.acknowledged_at - new.created_at));
END;

CREATE TRIGGER incidents_time_to_resolve_after_update AFTER UPDATE OF resolved_at, created_at ON incidents
WHEN old.resolved_at IS NOT new.resolved_at OR old.created_at IS NOT new.created_at
BEGIN
    UPDATE incident_response_times
    SET incidents = incidents - 1, total_ms = total_ms - max(0, old.resolved_at - old.created_at)
    WHERE old.resolved_at IS NOT NULL AND measure = 'resolve' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'resolve' AND upper_bound_ms >= max(0, old.resolved_at - old.created_at));
    UPDATE incident_response_times
    SET incidents = incidents + 1, total_ms = total_ms + max(0, new.resolved_at - new.created_at)
    WHERE new.resolved_at IS NOT NULL AND measure = 'resolve' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'resolve' AND upper_bound_ms >= max(0, new.resolved_at - new.created_at));
END;

-- Klaxon never deletes incidents; an operator who does by hand keeps the counters true.
CREATE TRIGGER incidents_response_times_after_delete AFTER DELETE ON incidents
WHEN old.acknowledged_at IS NOT NULL OR old.resolved_at IS NOT NULL
BEGIN
    UPDATE incident_response_times
    SET incidents = incidents - 1, total_ms = total_ms - max(0, old.acknowledged_at - old.created_at)
    WHERE old.acknowledged_at IS NOT NULL AND measure = 'acknowledge' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'acknowledge' AND upper_bound_ms >= max(0, old.acknowledged_at - old.created_at));
    UPDATE incident_response_times
    SET incidents = incidents - 1, total_ms = total_ms - max(0, old.resolved_at - old.created_at)
    WHERE old.resolved_at IS NOT NULL AND measure = 'resolve' AND upper_bound_ms = (
        SELECT min(upper_bound_ms) FROM incident_response_times
        WHERE measure = 'resolve' AND upper_bound_ms >= max(0, old.resolved_at - old.created_at));
END;
