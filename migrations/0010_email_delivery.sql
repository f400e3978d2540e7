-- 0010_email_delivery: email pages are sent through an SMTP relay (klaxon serve --smtp-url). The worker's due
-- query keeps using notification_outbox_due for webhooks and Slack, and finds due email rows through this
-- index, only when a relay is configured; without one they wait and are not counted as pending on /metrics.
CREATE INDEX notification_outbox_due_email ON notification_outbox (next_attempt_at)
    WHERE status = 'pending' AND channel = 'email';
