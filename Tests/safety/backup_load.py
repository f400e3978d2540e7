#!/usr/bin/env python3
"""Backup under load (issue 10, item 5): `klaxon backup FILE` runs while senders keep ingesting (Alertmanager
and PagerDuty, several threads, each on its own connection). The copy must pass `PRAGMA integrity_check` and
hold every write acknowledged before the backup started; writes acknowledged while it ran may or may not be in
it (the online backup restarts its copy when the source changes, so it ends with some recent snapshot).

Usage: backup_load.py [--seconds 10] [--backups 3]. Talks to 127.0.0.1 only. Exit status 0 when it holds.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_support import (  # noqa: E402
    ROOT, Client, Klaxon, alertmanager_group, integrity_problems, open_database, pagerduty_trigger)

SENDERS = 4


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10, help="load before the first backup and between them")
    parser.add_argument("--backups", type=int, default=3)
    options = parser.parse_args()
    binary = os.environ.get("KLAXON_BINARY") or str(ROOT / ".build" / "debug" / "klaxon")
    problems: list[str] = []
    server = Klaxon(drain_log=True, arguments=("--ingest-rate-limit", "0"))
    stop = threading.Event()
    # (monotonic time of the 2xx, dedup key) per acknowledged send; appended by the sender threads.
    acknowledged: list[tuple[float, str]] = []
    threads: list[threading.Thread] = []
    try:
        server.wait_ready()
        status, _, service = Client(server.port).call("POST", "/api/v1/services", {"name": "backup"})
        assert status == 201, (status, service)
        key = service["integration_key"]

        def sender(number: int) -> None:
            client = Client(server.port)
            sent = 0
            while not stop.is_set():
                sent += 1
                if sent % 2:
                    dedup = f"bk-am-{number}-{sent}"
                    status, _, _ = client.call("POST", f"/api/v1/integrations/alertmanager/{key}",
                                               alertmanager_group(dedup, [f"{dedup}-a"]), token=None)
                else:
                    dedup = f"bk-pd-{number}-{sent}"
                    status, _, _ = client.call("POST", "/v2/enqueue", pagerduty_trigger(key, dedup), token=None)
                if status in (200, 202):
                    acknowledged.append((time.monotonic(), dedup))
            client.close()

        threads = [threading.Thread(target=sender, args=(number,)) for number in range(SENDERS)]
        for thread in threads:
            thread.start()
        for backup in range(1, options.backups + 1):
            time.sleep(options.seconds)
            copy = Path(server.database.parent) / f"backup-{backup}.db"
            began = time.monotonic()
            before = {dedup for at, dedup in list(acknowledged) if at < began}
            result = subprocess.run([binary, "backup", "--db", str(server.database), str(copy)],
                                    capture_output=True, text=True, timeout=120)
            took = time.monotonic() - began
            during = sum(1 for at, _ in list(acknowledged) if began <= at <= began + took)
            if result.returncode != 0:
                problems.append(f"backup {backup}: exit {result.returncode}: {result.stderr.strip()}")
                continue
            db = open_database(copy)
            try:
                problems += [f"backup {backup}: {problem}" for problem in integrity_problems(db)]
                stored = {row[0] for row in db.execute("SELECT dedup_key FROM incidents WHERE dedup_key IS NOT NULL")}
            finally:
                db.close()
            missing = before - stored
            if missing:
                problems.append(f"backup {backup}: {len(missing)} of {len(before)} writes acknowledged before it "
                                f"started are missing, e.g. {sorted(missing)[:5]}")
            print(f"backup {backup}: {took:.2f} s while {during} writes were acknowledged; the copy holds all "
                  f"{len(before)} acknowledged before it started: {'yes' if not missing else 'NO'}", flush=True)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=20)
        server.stop()
    if problems:
        print("FAILED:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"backup under load: {options.backups} copies, each intact and complete", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
