-- 0013_timeline_kinds_counted: the /metrics counters read only escalations and resolutions from the timeline,
-- but 0006's timeline_events_by_kind indexed the kind of every event: each timeline write (an incident's
-- `created`, every alert_received, note, field_changed...) paid one more b-tree insert and one more dirty page
-- in its commit for entries nothing reads. A partial index holds only the two kinds counted. Spelled with OR,
-- not IN, as 0011 explains; StoreMetrics spells its condition exactly so, which lets the planner use it.
DROP INDEX timeline_events_by_kind;
CREATE INDEX timeline_events_counted_kinds ON timeline_events (kind)
    WHERE kind = 'escalated' OR kind = 'resolved';
