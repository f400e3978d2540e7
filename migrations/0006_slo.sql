-- 0006_slo: service level objectives (issue 8). A service may declare an SLO, its error budget spent by the
-- impact of its incidents; someone may set by hand when an incident's impact started.

-- {"target": 99.9, "window_days": 28, "severity_weights": {"sev1": 1, "sev2": 0.5, ...}}; NULL: none declared.
ALTER TABLE services ADD COLUMN slo TEXT CHECK (slo IS NULL OR (json_valid(slo) AND json_type(slo) = 'object'));

-- "Which alerts arrived since": the toil report's scan.
CREATE INDEX alerts_by_first_seen ON alerts (first_seen_at);

-- When the incident's impact began, set by hand (PATCH); NULL: from its first alert or its creation.
ALTER TABLE incidents ADD COLUMN impact_started_at INTEGER;

-- "How many escalations and resolutions ever": the /metrics counters, read at every scrape without walking
-- the whole timeline.
CREATE INDEX timeline_events_by_kind ON timeline_events (kind);
