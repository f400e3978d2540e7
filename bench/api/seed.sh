#!/usr/bin/env bash
# Fills a Klaxon database (already migrated by `klaxon migrate --db FILE`) with COUNT incidents in one
# transaction, through the sqlite3 CLI. Deterministic (attributes come from multiplicative hashes of the
# id, so every run builds the same file), newest incident = highest id, created ~90 s apart up to now.
#
# Mix: 24 services (skewed: a few busy ones), 1 % without a service; status ~0.5 % triggered,
# 0.3 % acknowledged, 0.2 % mitigated, 4 % resolved, the rest closed; severity sev1 5 %, sev2 15 %,
# sev3 40 %, sev4 25 %, sev5 15 %; labels team and region on every incident, env=prod on a third
# (the label side table is filled by the migration's trigger); a dedup key on 30 %; one `created`
# timeline event per incident. Timestamps of later lifecycle steps follow the status.
#
# Usage: bench/api/seed.sh DB_FILE [COUNT=1000000]
set -euo pipefail
db=$1
count=${2:-1000000}
now_ms=$(( $(date +%s) * 1000 ))
command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }

sqlite3 -bail "$db" <<SQL >/dev/null
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1500000;
PRAGMA temp_store = MEMORY;
BEGIN;
INSERT INTO services (name, description, routing_labels, integration_key, created_at, updated_at)
SELECT column1, 'Seeded for the API benchmark.', json_object('team', column1), lower(hex(randomblob(16))),
       $now_ms - 100000000000, $now_ms - 100000000000
FROM (VALUES ('checkout'), ('payments'), ('search'), ('api-gateway'), ('auth'), ('inventory'),
             ('shipping'), ('notifications'), ('billing'), ('catalog'), ('recommendations'), ('cart'),
             ('profile'), ('reporting'), ('etl'), ('kafka'), ('postgres'), ('redis'), ('cdn'), ('dns'),
             ('k8s-control-plane'), ('ci'), ('mobile-backend'), ('ledger'))
WHERE column1 NOT IN (SELECT name FROM services);

CREATE TEMP TABLE seed_service AS
SELECT row_number() OVER (ORDER BY id) - 1 AS slot, id, name FROM services WHERE name <> 'default';

-- h1..h5: five independent values in [0, 1000) per id.
CREATE TEMP VIEW seed_rows AS
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
SELECT i,
       ((i * 2654435761) % 4294967296) * 1000 / 4294967296 AS h1,
       ((i * 2246822519) % 4294967296) * 1000 / 4294967296 AS h2,
       ((i * 3266489917) % 4294967296) * 1000 / 4294967296 AS h3,
       ((i * 668265263) % 4294967296) * 1000 / 4294967296 AS h4,
       ((i * 374761393) % 4294967296) * 1000 / 4294967296 AS h5,
       $now_ms - ($count - i) * 90000 AS created
FROM n;

CREATE TEMP VIEW seed_incidents AS
SELECT i, h1, h2, h3, h4, h5, created,
       CASE WHEN h1 < 5 THEN 'triggered' WHEN h1 < 8 THEN 'acknowledged' WHEN h1 < 10 THEN 'mitigated'
            WHEN h1 < 50 THEN 'resolved' ELSE 'closed' END AS status,
       CASE WHEN h2 < 50 THEN 'sev1' WHEN h2 < 200 THEN 'sev2' WHEN h2 < 600 THEN 'sev3'
            WHEN h2 < 850 THEN 'sev4' ELSE 'sev5' END AS severity,
       CASE WHEN h3 < 10 THEN NULL ELSE (h3 * h3 * 24 / 1000000) END AS slot
FROM seed_rows;

INSERT INTO incidents (id, title, summary, status, severity, service_id, commander, labels, dedup_key,
    escalation_level, created_at, updated_at, acknowledged_at, mitigated_at, resolved_at, closed_at, version)
SELECT i,
       (CASE h4 % 6 WHEN 0 THEN 'High error rate on ' WHEN 1 THEN 'Latency over SLO for '
            WHEN 2 THEN 'Disk almost full on ' WHEN 3 THEN 'Pods crash-looping in '
            WHEN 4 THEN 'Certificate expiring for ' ELSE 'Elevated 5xx from ' END)
           || coalesce(s.name, 'unknown') || ' (host-' || (h5 % 997) || ')',
       CASE WHEN h4 < 500 THEN '' ELSE 'Alert fired at ' || (created / 1000) || '; see the runbook for '
           || coalesce(s.name, 'this service') || '.' END,
       status, severity, s.id,
       CASE WHEN status = 'triggered' THEN NULL
            ELSE (CASE h5 % 6 WHEN 0 THEN 'alice' WHEN 1 THEN 'bob' WHEN 2 THEN 'carol' WHEN 3 THEN 'dave'
                  WHEN 4 THEN 'erin' ELSE 'frank' END) END,
       CASE WHEN h4 % 3 = 0
            THEN json_object('team', 'team-' || (h3 % 12), 'region', CASE h5 % 4 WHEN 0 THEN 'eu-west-1'
                 WHEN 1 THEN 'us-east-1' WHEN 2 THEN 'us-west-2' ELSE 'ap-south-1' END, 'env', 'prod')
            ELSE json_object('team', 'team-' || (h3 % 12), 'region', CASE h5 % 4 WHEN 0 THEN 'eu-west-1'
                 WHEN 1 THEN 'us-east-1' WHEN 2 THEN 'us-west-2' ELSE 'ap-south-1' END) END,
       CASE WHEN h5 < 300 THEN 'alert-' || i END,
       CASE WHEN h4 < 100 THEN 1 + h4 % 3 ELSE 0 END,
       created,
       created + CASE status WHEN 'triggered' THEN 0 WHEN 'acknowledged' THEN 120000 WHEN 'mitigated' THEN 900000
                             WHEN 'resolved' THEN 3600000 ELSE 86400000 END,
       CASE WHEN status <> 'triggered' THEN created + 120000 END,
       CASE WHEN status IN ('mitigated', 'resolved', 'closed') THEN created + 900000 END,
       CASE WHEN status IN ('resolved', 'closed') THEN created + 3600000 END,
       CASE WHEN status = 'closed' THEN created + 86400000 END,
       CASE status WHEN 'triggered' THEN 1 WHEN 'acknowledged' THEN 2 WHEN 'mitigated' THEN 3
                   WHEN 'resolved' THEN 4 ELSE 5 END
FROM seed_incidents LEFT JOIN seed_service s ON s.slot = seed_incidents.slot;

INSERT INTO timeline_events (incident_id, at, kind, actor, message, data)
SELECT id, created_at, 'created', 'token:seed', 'Incident opened', json_object('severity', severity)
FROM incidents ORDER BY id;
COMMIT;
PRAGMA journal_mode = WAL;
SQL
