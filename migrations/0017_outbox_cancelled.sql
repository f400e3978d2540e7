-- 0017_outbox_cancelled: a page that has become moot is `cancelled` instead of retried.
--
-- A page still waiting for a retry when its incident is acknowledged (it was sent to wake someone, and someone
-- is awake) or resolved or closed (there is nothing left to do) is no longer sent: a receiver that was down
-- would otherwise get "(triggered; ...)" pages for an incident long over (found by a new-user walkthrough).
-- Pages a manual escalation sends after the acknowledgement are still delivered until the incident resolves.
--
-- The status CHECK is widened in the stored schema as 0011 and 0016 do (every stored row satisfies the new
-- text); the table created and dropped at the end moves the schema cookie so every connection reloads it.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(
    sql,
    'CHECK (status IN (''pending'', ''sending'', ''sent'', ''dead''))',
    'CHECK (status IN (''pending'', ''sending'', ''sent'', ''dead'', ''cancelled''))')
WHERE type = 'table' AND name = 'notification_outbox';
PRAGMA writable_schema = OFF;

-- Unlike 0011 and 0016, a text that did not match would not only be slower: every resolve with a page waiting
-- would then fail the old CHECK. So the migration stops here instead ("malformed JSON" from this guard).
SELECT json(CASE WHEN sql LIKE '%''cancelled''%' THEN '{}' ELSE 'notification_outbox status CHECK not widened' END)
FROM sqlite_schema WHERE type = 'table' AND name = 'notification_outbox';

CREATE TABLE klaxon_schema_cookie_bump (unused INTEGER);
DROP TABLE klaxon_schema_cookie_bump;
-- Pages already waiting for an incident that is over are cancelled by 0018: this connection reads the widened
-- CHECK only once the migrator has reset its schema after this file.
