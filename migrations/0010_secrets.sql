-- 0010_secrets: integration keys are no longer stored whole (issue 11). From here on `services.integration_key`
-- holds the lowercase hex SHA-256 of the key, which is what ingestion looks a service up by (through the
-- column's unique index); the key itself is answered once, when it is made. `integration_key_prefix` keeps its
-- first characters so people can tell keys apart. NULL marks a row whose key is still stored whole (the
-- `default` service and every service of a database made before this migration): SQLite cannot compute
-- SHA-256, so the store hashes such rows when it opens, and their current keys keep working.
ALTER TABLE services ADD COLUMN integration_key_prefix TEXT;
