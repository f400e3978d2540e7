-- 0009_secrets: integration keys are no longer stored whole (issue 11). From here on `services.integration_key`
-- holds the lowercase hex SHA-256 of the key, which is what ingestion looks a service up by (through the
-- column's unique index); the key itself is answered once, when it is made. `integration_key_prefix` keeps its
-- first characters so people can tell keys apart. NULL marks a row whose key is still stored whole (the
-- `default` service and every service of a database made before this migration): SQLite cannot compute
-- SHA-256, so the store hashes such rows when it opens, and their current keys keep working.
ALTER TABLE services ADD COLUMN integration_key_prefix TEXT;

-- Secrets that must stay usable (inbound signing secrets, users' and policies' outbound `whsec_` secrets, the
-- action-link key) are stored sealed with AES-256-GCM under a key that lives outside the database (the secrets
-- key file, `<db>.key` by default): `v1:` and base64 in their TEXT columns, the UTF-8 of that in
-- `server_secrets.secret`. The one row here is a known text sealed with that key. It is written when the store
-- first seals the plain-text secrets of the file, so its presence means "every secret is sealed", and opening
-- it tells the right key file from a wrong one.
CREATE TABLE secrets_key_check (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    sealed TEXT NOT NULL
) STRICT;
