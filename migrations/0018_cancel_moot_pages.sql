-- 0018_cancel_moot_pages: pages left waiting for a retry by incidents that moved on before 0017 are cancelled,
-- as Klaxon now does (EscalationRows.mootCondition, the same rule): the incident is resolved or closed, or
-- acknowledged (its latest `acknowledged` event) at or after the page was created. One lookup per pending row.
UPDATE notification_outbox SET status = 'cancelled'
WHERE status = 'pending' AND EXISTS (
    SELECT 1 FROM incidents i WHERE i.id = notification_outbox.incident_id AND (
        i.status IN ('resolved', 'closed')
        OR (i.status IN ('acknowledged', 'mitigated') AND notification_outbox.created_at <= (
            SELECT max(t.at) FROM timeline_events t WHERE t.incident_id = i.id AND t.kind = 'acknowledged'))));
