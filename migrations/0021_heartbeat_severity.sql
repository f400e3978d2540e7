-- 0021_heartbeat_severity: the severity of the incident a missed heartbeat opens. It was always sev2, which asks
-- for a postmortem at close; a nightly backup job's heartbeat is rarely that. Existing heartbeats keep sev2.
ALTER TABLE heartbeats ADD COLUMN severity TEXT NOT NULL DEFAULT 'sev2'
    CHECK (severity = 'sev1' OR severity = 'sev2' OR severity = 'sev3' OR severity = 'sev4' OR severity = 'sev5');
