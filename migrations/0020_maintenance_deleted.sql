-- 0020_maintenance_deleted: a deleted maintenance window is kept, with who deleted it and when.
--
-- Until 0020 `DELETE /api/v1/maintenance-windows/{id}` removed the row, so after the fact nobody could find out
-- who had held paging, and a later window took the same id (INTEGER PRIMARY KEY reuses the highest one freed),
-- so an incident's timeline naming "maintenance window #5" could mean two windows. A deleted window now holds
-- nothing (it is left out of the active ones), reads as state `deleted`, and keeps its id.
ALTER TABLE maintenance_windows ADD COLUMN deleted_at INTEGER;
ALTER TABLE maintenance_windows ADD COLUMN deleted_by TEXT;
