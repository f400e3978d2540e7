#!/usr/bin/env python3
"""Disk and database faults (issue 10, item 2), against the built `klaxon serve`:

- full disk: the database lives on a small tmpfs mount that a filler file fills up;
- write lock: another process holds `BEGIN EXCLUSIVE` on the database (python's sqlite3);
- read-only database: a read-only remount of that tmpfs (see `read_only` for what Linux allows).

For each, while the fault lasts: the Alertmanager receiver answers 503 with `Retry-After` (problem+json),
PagerDuty's answers 503 with `Retry-After` in PagerDuty's shape (`{"status": "unavailable", ...}`), the server
logs why and stays up (`/healthz` 200). Under the lock the JSON API answers 503 too and `/readyz` says not ready;
on the full disk only requests too large for the space the write-ahead log already holds are sure to fail. Nothing the refused
requests carried is in the database afterwards. When the fault clears, the same requests succeed without any
restart, `/readyz` is 200 again, and `PRAGMA integrity_check` and the incident/timeline/page checks pass.

Needs root for `mount`. Where mounting is not permitted (an unprivileged container) only the write lock is checked
and the output says SKIPPED for the others, naming why; the full disk is then covered in-process only
(`IngestionStorageFailureAPITests`, SQLite's `max_page_count`). Linux never allows the read-only remount under a
running server (see `read_only`), so that case always reports itself SKIPPED. Usage: faults.py.
Exit status 0 when every case that ran holds. Talks to 127.0.0.1 only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_support import (  # noqa: E402
    Client, Klaxon, alertmanager_group, integrity_problems, open_database, pagerduty_trigger)

BUSY_TIMEOUT_MS = 400


class Scenario:
    """The server, its integration key and the checks every fault shares."""

    def __init__(self, server: Klaxon, key: str) -> None:
        self.server, self.key = server, key
        self.client = Client(server.port, timeout=15)
        self.problems: list[str] = []

    def expect(self, condition: bool, what: str) -> None:
        if not condition:
            self.problems.append(what)

    def send_all(self, tag: str, big: bool) -> dict[str, tuple[int, dict, object]]:
        """One Alertmanager group and one PagerDuty event, each new (keyed by `tag`), and unless `big` one API
        incident. `big` requests carry 300 kB each: on a full disk a write of a few pages may still fit in
        space SQLite's write-ahead log already holds, so the full-disk case checks requests that cannot."""
        filler = "x" * (300_000 if big else 10)
        group = alertmanager_group(f"am-{tag}", [f"{tag}-1"])
        group["alerts"][0]["annotations"]["runbook"] = filler
        event = pagerduty_trigger(self.key, f"pd-{tag}")
        event["payload"]["custom_details"] = {"log": filler}
        answers = {
            "alertmanager": self.client.call(
                "POST", f"/api/v1/integrations/alertmanager/{self.key}", group, token=None),
            "pagerduty": self.client.call("POST", "/v2/enqueue", event, token=None),
        }
        if not big:
            answers["api"] = self.client.call("POST", "/api/v1/incidents", {"title": f"API {tag}"})
        return answers

    def expect_refused(self, name: str, answers: dict, not_ready: bool) -> None:
        status, headers, body = answers["alertmanager"]
        self.expect(status == 503 and "retry-after" in headers
                    and headers.get("content-type") == "application/problem+json",
                    f"{name}: Alertmanager got {status} {headers.get('retry-after')!r} {str(body)[:200]}")
        status, headers, body = answers["pagerduty"]
        self.expect(status == 503 and "retry-after" in headers and isinstance(body, dict)
                    and body.get("status") == "unavailable",
                    f"{name}: PagerDuty got {status} {headers.get('retry-after')!r} {str(body)[:200]}")
        if "api" in answers:
            status, headers, body = answers["api"]
            self.expect(status == 503 and "retry-after" in headers and
                        headers.get("content-type") == "application/problem+json",
                        f"{name}: the API got {status} {str(body)[:200]}")
        self.expect(self.client.call("GET", "/healthz", token=None)[0] == 200, f"{name}: /healthz not 200")
        if not_ready:
            self.expect(self.client.call("GET", "/readyz", token=None)[0] == 503, f"{name}: /readyz not 503")
        self.expect(self.server.process.poll() is None, f"{name}: the server exited")

    def expect_absent(self, name: str, tag: str) -> None:
        db = open_database(self.server.database)
        try:
            keys = db.execute("SELECT COUNT(*) FROM incidents WHERE dedup_key IN (?, ?)",
                              (f"am-{tag}", f"pd-{tag}")).fetchone()[0]
            titles = db.execute("SELECT COUNT(*) FROM incidents WHERE title = ?", (f"API {tag}",)).fetchone()[0]
        finally:
            db.close()
        self.expect(keys == 0 and titles == 0, f"{name}: refused writes were stored ({keys} keyed, {titles} API)")

    def expect_recovered(self, name: str, tag: str, big: bool) -> None:
        """The same requests, retried as senders would, succeed without a restart within 15 s."""
        deadline = time.monotonic() + 15
        while True:
            answers = self.send_all(tag, big)
            statuses = {sender: answer[0] for sender, answer in answers.items()}
            if statuses == {"alertmanager": 200, "pagerduty": 202, **({} if big else {"api": 201})}:
                break
            if time.monotonic() > deadline:
                self.problems.append(f"{name}: did not recover within 15 s: {statuses}")
                return
            time.sleep(0.5)
        ready = self.client.call("GET", "/readyz", token=None)[0]
        self.expect(ready == 200, f"{name}: /readyz {ready} after recovery")
        db = open_database(self.server.database)
        try:
            self.problems += [f"{name}: {problem}" for problem in integrity_problems(db)]
        finally:
            db.close()

    def expect_logged(self, name: str, since: int, words: tuple[str, ...]) -> None:
        log = self.server.log[since:].decode(errors="replace").lower()
        self.expect("storage unavailable" in log and any(word in log for word in words),
                    f"{name}: the log does not say why ({words}): {log[-600:]!r}")


def full_disk(scenario: Scenario, mount_point: Path) -> None:
    name = "full disk"
    filler = mount_point / "filler"
    log_start = len(scenario.server.log)
    with open(filler, "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
    tag = uuid.uuid4().hex[:8]
    answers = scenario.send_all(tag, big=True)
    scenario.expect_refused(name, answers, not_ready=False)
    scenario.expect_logged(name, log_start, ("full", "disk"))
    filler.unlink()
    scenario.expect_absent(name, tag)
    scenario.expect_recovered(name, tag, big=True)
    print(f"{name}: {'ok' if not scenario.problems else 'PROBLEMS'} (a tmpfs filled to the last byte)", flush=True)


def write_lock(scenario: Scenario) -> None:
    name = "write lock"
    before = len(scenario.problems)
    log_start = len(scenario.server.log)
    holder = sqlite3.connect(scenario.server.database, timeout=10, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    tag = uuid.uuid4().hex[:8]
    try:
        answers = scenario.send_all(tag, big=False)
        scenario.expect_refused(name, answers, not_ready=True)
        scenario.expect_logged(name, log_start, ("busy", "locked"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    scenario.expect_absent(name, tag)
    scenario.expect_recovered(name, tag, big=False)
    print(f"{name}: {'ok' if len(scenario.problems) == before else 'PROBLEMS'} "
          "(another process held BEGIN EXCLUSIVE)", flush=True)


def read_only(scenario: Scenario, mount_point: Path) -> str:
    """Linux refuses to make a file system read-only while a process holds a file on it open for writing
    (EBUSY), which a running Klaxon always does; so a read-only remount can only be tried, and the outcome is
    reported. Returns a one-line account."""
    result = subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], capture_output=True, text=True)
    if result.returncode == 0:
        # Not expected on Linux; if a kernel ever allows it, the same guarantees are checked.
        name = "read-only"
        tag = uuid.uuid4().hex[:8]
        answers = scenario.send_all(tag, big=False)
        subprocess.run(["mount", "-o", "remount,rw", str(mount_point)], check=True)
        scenario.expect_refused(name, answers, not_ready=False)
        scenario.expect_absent(name, tag)
        scenario.expect_recovered(name, tag, big=False)
        return "read-only: checked (remounted read-only under the running server)"
    return ("read-only: SKIPPED, the kernel refused the read-only remount while klaxon holds the database open "
            f"for writing ({result.stderr.strip().splitlines()[0] if result.stderr else result.returncode})")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="klaxon-faults-") as folder_name:
        mount_point = Path(folder_name) / "disk"
        mount_point.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            print(f"faults: full disk SKIPPED, read-only SKIPPED: mount not permitted ({mounted.stderr.strip()}); "
                  "the full disk is covered in-process by IngestionStorageFailureAPITests", flush=True)
            mount_point = Path(folder_name)
        print(f"faults: mode {'tmpfs mount (6 MiB)' if mounted.returncode == 0 else 'no mount'}", flush=True)
        server = None
        try:
            server = Klaxon(drain_log=True, database=mount_point / "klaxon.db",
                            arguments=("--busy-timeout-ms", str(BUSY_TIMEOUT_MS), "--ingest-rate-limit", "0"))
            server.wait_ready()
            setup = Client(server.port)
            status, _, service = setup.call("POST", "/api/v1/services", {"name": "faults"})
            assert status == 201, (status, service)
            scenario = Scenario(server, service["integration_key"])
            write_lock(scenario)
            accounts = []
            if mounted.returncode == 0:
                full_disk(scenario, mount_point)
                accounts.append(read_only(scenario, mount_point))
                print(accounts[-1], flush=True)
            alive = server.process.poll() is None
            scenario.expect(alive, "the server exited during the faults")
        finally:
            if server is not None:
                server.stop()
            if mounted.returncode == 0:
                subprocess.run(["umount", str(mount_point)], check=False)
    if scenario.problems:
        print("FAILED:", *scenario.problems, sep="\n  ", file=sys.stderr)
        return 1
    print("faults: every sender got its retry answer, the server stayed up and recovered by itself, "
          "nothing half-written", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
