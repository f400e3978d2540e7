-- 0018_cancel_moot_pages: pages left waiting for a retry by incidents acknowledged, resolved or closed before
-- 0017 are cancelled, as Klaxon now does when the incident moves on (see 0017).
UPDATE notification_outbox SET status = 'cancelled'
WHERE status = 'pending' AND incident_id IN (
    SELECT i.id FROM incidents i
    WHERE i.status IN ('resolved', 'closed')
        OR (i.acknowledged_at IS NOT NULL AND notification_outbox.created_at <= i.acknowledged_at));
