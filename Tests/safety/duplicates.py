#!/usr/bin/env python3
"""Duplicates (issue 10, item 3, first half): every Alertmanager payload and every PagerDuty event is sent 5
times, in a shuffled order, by 50 concurrent senders (threads, each on its own keep-alive connection), to a
service that escalates. Then, on the database file:

- exactly one incident per key, open; one alert row per Alertmanager alert, seen 5 times;
- each incident has one `created` event, one `paged` event (level 0, cycle 0) and exactly one outbox row per
  address paged: no duplicate sends produced an extra page or an extra outbound notification.

Usage: duplicates.py [--keys 40] (keys per sender kind). Talks to 127.0.0.1 only. Exit status 0 when it holds.
"""

from __future__ import annotations

import argparse
import queue
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_support import (  # noqa: E402
    Client, Klaxon, alertmanager_group, integrity_problems, open_database, pagerduty_trigger,
    set_up_escalating_service)

# No rate limit (the load is the point); pages go to 127.0.0.1:9, refused without the second flag.
SERVE_FLAGS = ("--ingest-rate-limit", "0", "--allow-private-destinations")

SENDERS = 50
REPEATS = 5


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keys", type=int, default=40)
    options = parser.parse_args()
    problems: list[str] = []
    server = Klaxon(drain_log=True, arguments=SERVE_FLAGS)
    try:
        server.wait_ready()
        setup = Client(server.port)
        # Five-minute delays: only the first page may happen during the run.
        key = set_up_escalating_service(setup, delay_minutes=5, repeat=0)
        setup.close()
        groups = {f"dup-am-{index}": [f"dup-am-{index}-{alert}" for alert in range(1 + index % 3)]
                  for index in range(options.keys)}
        events = [f"dup-pd-{index}" for index in range(options.keys)]
        jobs: list[tuple[str, str, dict]] = []
        for _ in range(REPEATS):
            jobs += [("alertmanager", f"/api/v1/integrations/alertmanager/{key}", alertmanager_group(group, alerts))
                     for group, alerts in groups.items()]
            jobs += [("pagerduty", "/v2/enqueue", pagerduty_trigger(key, dedup)) for dedup in events]
        random.shuffle(jobs)
        work: queue.Queue = queue.Queue()
        for job in jobs:
            work.put(job)
        start = threading.Barrier(SENDERS)
        failures: list[str] = []

        def sender() -> None:
            client = Client(server.port, timeout=30)
            start.wait()
            while True:
                try:
                    kind, path, body = work.get_nowait()
                except queue.Empty:
                    break
                try:
                    status, _, answer = client.call("POST", path, body, token=None)
                except Exception as error:  # noqa: BLE001 - every send must be answered
                    failures.append(f"{kind}: no answer: {error}")
                    continue
                if status != (200 if kind == "alertmanager" else 202):
                    failures.append(f"{kind}: {status} {str(answer)[:200]}")
            client.close()

        began = time.monotonic()
        threads = [threading.Thread(target=sender) for _ in range(SENDERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        elapsed = time.monotonic() - began
        if failures:
            problems.append(f"{len(failures)} sends failed, e.g. {failures[:5]}")
        print(f"duplicates: {len(jobs)} sends ({len(groups) + len(events)} keys x {REPEATS}) by {SENDERS} "
              f"concurrent senders in {elapsed:.1f} s", flush=True)
    finally:
        # Stopped before the checks: a clean shutdown, and nothing changes under them.
        database_copy = server.stop_and_collect()
    problems += check(database_copy["db"], database_copy["wal"], groups, events)
    if problems:
        print("FAILED:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("duplicates: one open incident per key, one page and one outbox row per incident, no extra", flush=True)
    return 0


def check(database: bytes, wal: bytes, groups: dict[str, list[str]], events: list[str]) -> list[str]:
    import tempfile
    problems = []
    with tempfile.TemporaryDirectory(prefix="klaxon-dup-check-") as folder:
        path = Path(folder) / "klaxon.db"
        path.write_bytes(database)
        if wal:
            Path(str(path) + "-wal").write_bytes(wal)
        db = open_database(path)
        try:
            problems += integrity_problems(db)
            for dedup_key in [*groups, *events]:
                rows = db.execute("SELECT id, status FROM incidents WHERE dedup_key = ?", (dedup_key,)).fetchall()
                if len(rows) != 1 or rows[0][1] != "triggered":
                    problems.append(f"{dedup_key}: incidents {rows}, expected exactly one open")
                    continue
                incident = rows[0][0]
                kinds = dict(db.execute("SELECT kind, COUNT(*) FROM timeline_events WHERE incident_id = ? "
                                        "GROUP BY kind", (incident,)).fetchall())
                if kinds.get("created") != 1 or kinds.get("paged") != 1:
                    problems.append(f"{dedup_key}: timeline {kinds}, expected one created and one paged event")
                outbox = db.execute("SELECT level, cycle, address FROM notification_outbox WHERE incident_id = ?",
                                    (incident,)).fetchall()
                if outbox != [(0, 0, "http://127.0.0.1:9/a")]:
                    problems.append(f"{dedup_key}: outbox {outbox}, expected one row for level 0")
                if dedup_key in groups:
                    alerts = db.execute("SELECT alert_key, times_seen FROM alerts WHERE incident_id = ? "
                                        "ORDER BY alert_key", (incident,)).fetchall()
                    expected = [(alert, REPEATS) for alert in sorted(groups[dedup_key])]
                    if alerts != expected:
                        problems.append(f"{dedup_key}: alerts {alerts}, expected {expected}")
            total = db.execute("SELECT COUNT(*) FROM incidents").fetchone()[0]
            if total != len(groups) + len(events):
                problems.append(f"{total} incidents, expected {len(groups) + len(events)}")
        finally:
            db.close()
    return problems


if __name__ == "__main__":
    sys.exit(main())
