"""What the safety scripts (crash, faults, duplicates, backup under load) share: payloads as Alertmanager and
PagerDuty send them, a small HTTP client, the set-up of a service that escalates, and the checks run on a
database file: integrity, foreign keys, incidents and timelines consistent, escalation pages in order."""

from __future__ import annotations

import http.client
import json
import sqlite3
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "peers"))
from klaxon_process import ADMIN_TOKEN, ROOT, Klaxon  # noqa: E402,F401

OPEN_STATUSES = ("triggered", "acknowledged", "mitigated")


def alertmanager_group(group_key: str, fingerprints: list[str]) -> dict:
    """An Alertmanager webhook (version 4) with one firing alert per fingerprint."""
    return {
        "version": "4", "groupKey": group_key, "truncatedAlerts": 0, "status": "firing", "receiver": "klaxon",
        "groupLabels": {"alertname": "DiskFull"}, "commonLabels": {"alertname": "DiskFull"},
        "commonAnnotations": {"summary": f"Disk full ({group_key})"}, "externalURL": "http://alertmanager.invalid",
        "alerts": [{
            "status": "firing", "labels": {"alertname": "DiskFull", "instance": fingerprint, "severity": "critical"},
            "annotations": {"summary": f"Disk full on {fingerprint}"}, "startsAt": "2026-11-27T08:00:00Z",
            "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus.invalid/graph",
            "fingerprint": fingerprint,
        } for fingerprint in fingerprints],
    }


def pagerduty_trigger(routing_key: str, dedup_key: str) -> dict:
    """A PagerDuty Events API v2 trigger event."""
    return {"routing_key": routing_key, "event_action": "trigger", "dedup_key": dedup_key,
            "payload": {"summary": f"Queue stuck ({dedup_key})", "source": "worker-1", "severity": "error"}}


class Client:
    """One keep-alive connection to 127.0.0.1:port; any connection failure closes it (the next call reopens)."""

    def __init__(self, port: int, timeout: float = 10.0) -> None:
        self.port, self.timeout = port, timeout
        self.connection: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body: object | None = None, token: str | None = ADMIN_TOKEN,
             headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], object]:
        """Returns (status, lower-cased headers, parsed JSON or text); raises OSError or HTTPException when no
        answer came (connection refused, reset, timed out)."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        sent = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            sent["Content-Type"] = "application/json"
        if token:
            sent["Authorization"] = f"Bearer {token}"
        try:
            self.connection.request(method, path, body=data, headers=sent)
            answer = self.connection.getresponse()
            raw = answer.read()
        except Exception:
            self.close()
            raise
        answer_headers = {name.lower(): value for name, value in answer.getheaders()}
        try:
            parsed: object = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")
        return answer.status, answer_headers, parsed

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def set_up_escalating_service(client: Client, delay_minutes: int = 1, repeat: int = 1) -> str:
    """Two users paged by webhook, a two-level policy (`delay_minutes` each, `repeat` more passes) and a
    service `checkout` following it; returns the service's integration key."""
    def must(expected: int, method: str, path: str, body: dict) -> object:
        status, _, answer = client.call(method, path, body)
        assert status == expected, (method, path, status, answer)
        return answer

    # Port 9 (discard) on 127.0.0.1: nothing delivers on this branch; the outbox rows are what is counted.
    must(201, "POST", "/api/v1/users", {"handle": "alice", "name": "Alice", "webhook_url": "http://127.0.0.1:9/a"})
    must(201, "POST", "/api/v1/users", {"handle": "bob", "name": "Bob", "webhook_url": "http://127.0.0.1:9/b"})
    must(201, "POST", "/api/v1/escalation-policies", {
        "name": "checkout", "repeat": repeat,
        "levels": [{"delay_minutes": delay_minutes, "targets": [{"user": "alice"}]},
                   {"delay_minutes": delay_minutes, "targets": [{"user": "bob"}]}]})
    service = must(201, "POST", "/api/v1/services", {"name": "checkout", "escalation_policy": "checkout"})
    return service["integration_key"]


def open_database(path: Path) -> sqlite3.Connection:
    """A read-only connection (the file must not be changed by the checks); WAL readers need the -shm."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)


def integrity_problems(db: sqlite3.Connection) -> list[str]:
    """`PRAGMA integrity_check` and `foreign_key_check`, and what every incident and page must satisfy."""
    problems = []
    integrity = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append(f"integrity_check: {integrity[:5]}")
    foreign = db.execute("PRAGMA foreign_key_check").fetchall()
    if foreign:
        problems.append(f"foreign_key_check: {foreign[:5]}")
    # Each incident was created with its `created` event in one transaction.
    orphans = db.execute("""SELECT id FROM incidents WHERE NOT EXISTS
        (SELECT 1 FROM timeline_events t WHERE t.incident_id = incidents.id AND t.kind = 'created')""").fetchall()
    if orphans:
        problems.append(f"incidents without their created event: {[row[0] for row in orphans[:10]]}")
    duplicates = db.execute(f"""SELECT service_id, dedup_key, COUNT(*) FROM incidents
        WHERE dedup_key IS NOT NULL AND status IN {OPEN_STATUSES} GROUP BY service_id, dedup_key
        HAVING COUNT(*) > 1""").fetchall()
    if duplicates:
        problems.append(f"dedup keys with more than one open incident: {duplicates[:10]}")
    # Every page queued its outbox rows with its `paged` event, and no outbox row exists without one.
    # (Counted once per event: the outbox has no index on timeline_event_id, so a correlated count is quadratic.)
    unmatched = db.execute("""WITH queued AS (SELECT timeline_event_id, COUNT(*) AS queued_rows
            FROM notification_outbox GROUP BY timeline_event_id)
        SELECT t.id FROM timeline_events t LEFT JOIN queued q ON q.timeline_event_id = t.id
        WHERE t.kind = 'paged' AND json_array_length(t.data, '$.recipients') <> COALESCE(q.queued_rows, 0)""").fetchall()
    if unmatched:
        problems.append(f"paged events whose outbox rows do not match their recipients: {unmatched[:10]}")
    stray = db.execute("""SELECT o.id FROM notification_outbox o JOIN timeline_events t
        ON t.id = o.timeline_event_id WHERE t.kind <> 'paged' OR t.incident_id <> o.incident_id""").fetchall()
    if stray:
        problems.append(f"outbox rows not tied to a page of their incident: {stray[:10]}")
    problems += escalation_problems(db)
    return problems


def escalation_problems(db: sqlite3.Connection) -> list[str]:
    """Pages neither skip nor repeat: each escalating incident's `paged` events walk the policy's positions
    (level, cycle) one by one from (0, 0) without a gap or a repeat, and the engine's stored state names the
    last of them. (The crash clients never reopen or escalate by hand, which would start a walk anew.)"""
    problems = []
    levels_of = {policy: len(json.loads(levels)) for policy, levels in
                 db.execute("SELECT id, levels FROM escalation_policies")}
    rows = db.execute("SELECT incident_id, policy_id, level, cycle FROM incident_escalations").fetchall()
    for incident, policy, level, cycle in rows:
        pages = [(json.loads(data)["level"], json.loads(data)["cycle"]) for (data,) in db.execute(
            "SELECT data FROM timeline_events WHERE incident_id = ? AND kind = 'paged' ORDER BY id", (incident,))]
        count = levels_of.get(policy, 0)
        expected = [(index % count, index // count) for index in range(len(pages))] if count else []
        if pages != expected:
            problems.append(f"incident {incident}: pages {pages}, expected the walk {expected}")
        elif pages and pages[-1] != (level, cycle):
            problems.append(f"incident {incident}: engine state {(level, cycle)} but last page {pages[-1]}")
        elif not pages:
            problems.append(f"incident {incident}: escalating but never paged")
    return problems
