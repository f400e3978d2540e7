#!/usr/bin/env python3
"""Disk and database faults (issue 10, item 2), against the built `klaxon serve`:

- full disk: the database lives on a small tmpfs mount that a filler file fills up;
- write lock: another process holds `BEGIN EXCLUSIVE` on the database (python's sqlite3);
- read-only database: the database lives on a FUSE file system (`refusing_fs.py`) that answers EROFS to every
  write while a control file exists. (Linux refuses a read-only remount of a real file system while a process
  holds a file on it open for writing, which a running Klaxon always does.) Checked while the server runs,
  while senders keep sending, when the server starts on it, and when it starts on it with a migration pending.

For each, while the fault lasts: the Alertmanager receiver answers 503 with `Retry-After` (problem+json),
PagerDuty's answers 503 with `Retry-After` in PagerDuty's shape (`{"status": "unavailable", ...}`), the server
logs why and stays up (`/healthz` 200). Under the lock and on the read-only file system the JSON API answers
503 too and `/readyz` says not ready (naming the read-only database); on the full disk only requests too large
for the space the write-ahead log already holds are sure to fail. Nothing the refused requests carried is in the
database afterwards. When the fault clears, the same requests succeed without any restart, `/readyz` is 200
again, and `PRAGMA integrity_check` and the incident/timeline/page checks pass; the read-only case also checks
that the log says so once when writes stop and once when they resume.

Needs root for `mount` and FUSE (/dev/fuse, fusepy over libfuse 2). Where mounting is not permitted the output
says SKIPPED for the cases that need it, naming why; the full disk is then covered in-process only
(`IngestionStorageFailureAPITests`, SQLite's `max_page_count`). Usage: faults.py. Exit status 0 when every case
that ran holds. Talks to 127.0.0.1 only.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
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

    def expect_recovered(self, name: str, tag: str, big: bool, ready_within: float = 2.0) -> None:
        """The same requests, retried as senders would, succeed without a restart within 15 s, and /readyz
        says ready within `ready_within` seconds after that."""
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
        # The readiness probe remembers a success for a second; after a full disk it waits for 10 s without a
        # failed write (a small write fits on a full disk, so one success proves nothing).
        deadline = time.monotonic() + ready_within
        while True:
            ready = self.client.call("GET", "/readyz", token=None)[0]
            if ready == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
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
    scenario.expect_refused(name, answers, not_ready=True)
    scenario.expect_logged(name, log_start, ("full", "disk"))
    filler.unlink()
    scenario.expect_absent(name, tag)
    scenario.expect_recovered(name, tag, big=True, ready_within=13.0)
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


class RefusingMount:
    """`refusing_fs.py` (FUSE) mounted on `folder/mnt`, passing through to `folder/backing`: `refuse()` makes
    the kernel answer EROFS to every write on it, as a file system gone read-only under a running server;
    `allow()` ends that. Raises `Unavailable` when FUSE cannot be used here (no fusepy or libfuse2, no
    /dev/fuse, mounting not permitted)."""

    class Unavailable(Exception):
        pass

    def __init__(self, folder: Path) -> None:
        self.backing, self.mount_point, self.control = folder / "backing", folder / "mnt", folder / "read-only"
        self.backing.mkdir()
        self.mount_point.mkdir()
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve().parent / "refusing_fs.py"), str(self.backing),
             str(self.mount_point), str(self.control)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while not os.path.ismount(self.mount_point):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                output = self.process.communicate()[0].decode(errors="replace").strip().splitlines()
                raise RefusingMount.Unavailable(output[-1] if output else "the FUSE mount did not appear in 10 s")
            time.sleep(0.05)

    def refuse(self) -> None:
        self.control.touch()

    def allow(self) -> None:
        self.control.unlink(missing_ok=True)

    def close(self) -> None:
        self.allow()
        subprocess.run(["umount", str(self.mount_point)], capture_output=True)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            subprocess.run(["umount", "-l", str(self.mount_point)], capture_output=True)
            self.process.wait(timeout=5)


def storage_log_lines(server: Klaxon, since: int) -> list[str]:
    return [line for line in server.log[since:].decode(errors="replace").lower().splitlines()
            if "storage unavailable" in line or "storage available again" in line]


def expect_read_only_readiness(scenario: Scenario, name: str) -> None:
    # The readiness probe remembers a success for a second.
    deadline = time.monotonic() + 3
    while True:
        status, _, body = scenario.client.call("GET", "/readyz", token=None)
        if status == 503 or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    problems = body.get("problems", []) if isinstance(body, dict) else []
    scenario.expect(status == 503 and any("read-only" in problem for problem in problems),
                    f"{name}: /readyz {status} does not name the read-only database: {str(body)[:300]}")


def read_only_running(scenario: Scenario, mount: RefusingMount) -> None:
    """The file system turns read-only under the running server, then writable again."""
    name = "read-only"
    before = len(scenario.problems)
    log_start = len(scenario.server.log)
    status, _, kept = scenario.client.call("POST", "/api/v1/incidents", {"title": "written before read-only"})
    assert status == 201, (status, kept)
    mount.refuse()
    tag = uuid.uuid4().hex[:8]
    answers = scenario.send_all(tag, big=False)
    expect_read_only_readiness(scenario, name)
    scenario.expect_refused(name, answers, not_ready=True)
    status, _, read = scenario.client.call("GET", f"/api/v1/incidents/{kept['id']}")
    scenario.expect(status == 200 and read.get("title") == "written before read-only",
                    f"{name}: a read failed while read-only: {status} {str(read)[:200]}")
    scenario.send_all(uuid.uuid4().hex[:8], big=False)  # more refusals: still one log line
    scenario.expect_logged(name, log_start, ("read-only",))
    mount.allow()
    scenario.expect_absent(name, tag)
    scenario.expect_recovered(name, tag, big=False)
    lines = storage_log_lines(scenario.server, log_start)
    scenario.expect(len(lines) == 2 and "unavailable" in lines[0] and "available again" in lines[1],
                    f"{name}: expected one line when writes stopped and one when they resumed: {lines}")
    print(f"{name}: {'ok' if len(scenario.problems) == before else 'PROBLEMS'} (a FUSE file system answering "
          "EROFS under the running server)", flush=True)


def read_only_under_load(scenario: Scenario, mount: RefusingMount, flips: int = 2) -> None:
    """Senders keep sending while the file system flips read-only and back: every 2xx is stored, every refusal
    is a 503, and the file is whole."""
    name = "read-only under load"
    before = len(scenario.problems)
    stop = threading.Event()
    acknowledged: list[tuple[str, str]] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def send(sender: int) -> None:
        client = Client(scenario.server.port, timeout=15)
        number = 0
        while not stop.is_set():
            number += 1
            key = f"load-{sender}-{number}"
            try:
                if number % 2:
                    status, _, _ = client.call("POST", f"/api/v1/integrations/alertmanager/{scenario.key}",
                                               alertmanager_group(key, [key]), token=None)
                    identity = ("dedup", key)
                else:
                    status, _, _ = client.call("POST", "/api/v1/incidents", {"title": key})
                    identity = ("title", key)
            except Exception as error:  # noqa: BLE001 - any failed exchange is a finding
                with lock:
                    errors.append(f"{key}: {error!r}")
                continue
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if 200 <= status < 300:
                    acknowledged.append(identity)
            time.sleep(0.01)

    threads = [threading.Thread(target=send, args=(index,)) for index in range(3)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(flips):
            time.sleep(1.0)
            mount.refuse()
            time.sleep(1.5)
            mount.allow()
        time.sleep(1.0)
    finally:
        mount.allow()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    try:
        scenario.server.wait_ready(timeout=15)
    except AssertionError as error:
        scenario.problems.append(f"{name}: {error}")
    scenario.expect(not errors, f"{name}: requests without an answer: {errors[:5]}")
    scenario.expect(set(statuses) <= {200, 201, 503}, f"{name}: unexpected statuses {statuses}")
    scenario.expect(statuses.get(503, 0) > 0, f"{name}: no request was refused, the fault never bit: {statuses}")
    db = open_database(scenario.server.database)
    try:
        keys = {row[0] for row in db.execute("SELECT dedup_key FROM incidents WHERE dedup_key LIKE 'load-%'")}
        titles = {row[0] for row in db.execute("SELECT title FROM incidents WHERE title LIKE 'load-%'")}
        missing = [value for kind, value in acknowledged if value not in (keys if kind == "dedup" else titles)]
        scenario.expect(not missing, f"{name}: acknowledged writes missing: {missing[:10]}")
        scenario.problems += [f"{name}: {problem}" for problem in integrity_problems(db)]
    finally:
        db.close()
    print(f"{name}: {'ok' if len(scenario.problems) == before else 'PROBLEMS'} ({flips} flips; "
          f"{len(acknowledged)} acknowledged writes all stored, {statuses.get(503, 0)} refused with 503)", flush=True)


def start_on(mount: RefusingMount, held: dict, key: str) -> Scenario:
    """A server on the mount's database, kept in `held` (with the problems found so far) as soon as it runs."""
    server = Klaxon(drain_log=True, database=mount.mount_point / "klaxon.db",
                    arguments=("--busy-timeout-ms", str(BUSY_TIMEOUT_MS), "--ingest-rate-limit", "0"))
    scenario = Scenario(server, key)
    if held["scenario"] is not None:
        scenario.problems = held["scenario"].problems
    held["scenario"] = scenario
    return scenario


def read_only_at_start(scenario: Scenario, mount: RefusingMount, held: dict) -> Scenario:
    """Klaxon started on a file system that is read-only already: it serves reads, refuses writes in each
    sender's language, and takes writes once the file system does, without a restart."""
    name = "read-only at start"
    before = len(scenario.problems)
    status, _, kept = scenario.client.call("POST", "/api/v1/incidents", {"title": "kept across the restart"})
    assert status == 201, (status, kept)
    scenario.server.stop()
    # A clean close leaves the main file complete and removes the `-wal` (Klaxon's own close does on a local
    # disk; on this FUSE mount its close leaves the log, so the last close is python's). With a `-wal` left
    # behind, as after a crash, reads wait for the file system too: the log can only be replayed by a writer.
    db = sqlite3.connect(scenario.server.database, isolation_level=None)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert not Path(f"{scenario.server.database}-wal").exists(), "the -wal outlived a clean close"
    mount.refuse()
    started = start_on(mount, held, scenario.key)
    tag = uuid.uuid4().hex[:8]
    started.expect_refused(name, started.send_all(tag, big=False), not_ready=True)
    expect_read_only_readiness(started, name)
    status, _, read = started.client.call("GET", f"/api/v1/incidents/{kept['id']}")
    started.expect(status == 200 and read.get("title") == "kept across the restart",
                   f"{name}: reads are not served: {status} {str(read)[:200]}")
    started.expect_logged(name, 0, ("read-only",))
    mount.allow()
    started.expect_absent(name, tag)
    started.expect_recovered(name, tag, big=False)
    # Readers that read the file as immutable now see new writes.
    status, _, fresh = started.client.call("POST", "/api/v1/incidents", {"title": "after the file system recovered"})
    listed = started.client.call("GET", f"/api/v1/incidents/{fresh.get('id') if isinstance(fresh, dict) else 0}")
    started.expect(status == 201 and listed[0] == 200, f"{name}: a new write is not read back: {status} {listed[0]}")
    print(f"{name}: {'ok' if len(started.problems) == before else 'PROBLEMS'} (started on the read-only mount)",
          flush=True)
    return started


def migrations_blocked_at_start(scenario: Scenario, mount: RefusingMount, held: dict) -> Scenario:
    """Klaxon started on a read-only file system with a migration pending (0008 taken back, as after an upgrade)
    stays up answering 503, and applies the migration once the file system takes writes."""
    name = "migration pending on a read-only database"
    before = len(scenario.problems)
    scenario.server.stop()
    db = sqlite3.connect(scenario.server.database, isolation_level=None)
    try:
        db.executescript("""BEGIN;
            DROP INDEX incident_escalations_held; ALTER TABLE incident_escalations DROP COLUMN held_by_maintenance;
            DROP INDEX maintenance_windows_by_end; DROP TABLE maintenance_windows;
            DELETE FROM schema_migrations WHERE version = 8; COMMIT;""")
    finally:
        db.close()
    mount.refuse()
    waiting = start_on(mount, held, scenario.key)
    status, headers, body = waiting.client.call("GET", "/readyz", token=None)
    problems = body.get("problems", []) if isinstance(body, dict) else []
    waiting.expect(status == 503 and "retry-after" in headers
                   and any("pending migration" in line and "read-only" in line for line in problems),
                   f"{name}: /readyz {status} does not name the blocked migration: {str(body)[:300]}")
    waiting.expect_refused(name, waiting.send_all(uuid.uuid4().hex[:8], big=False), not_ready=True)
    status, _, _ = waiting.client.call("GET", "/api/v1/incidents")
    waiting.expect(status == 503, f"{name}: a read on the old schema answered {status}, not 503")
    mount.allow()
    try:
        ready_after = waiting.server.wait_ready(timeout=20)
    except AssertionError as error:
        waiting.problems.append(f"{name}: {error}")
        ready_after = float("nan")
    # The waiting server closed its connections when the application took over the port.
    waiting.client.close()
    db = open_database(waiting.server.database)
    try:
        applied = db.execute("SELECT COUNT(*) FROM schema_migrations WHERE version = 8").fetchone()[0]
        waiting.expect(applied == 1, f"{name}: migration 0008 not applied after the file system recovered")
        waiting.problems += [f"{name}: {problem}" for problem in integrity_problems(db)]
    finally:
        db.close()
    waiting.expect_recovered(name, uuid.uuid4().hex[:8], big=False)
    print(f"{name}: {'ok' if len(waiting.problems) == before else 'PROBLEMS'} (503 while waiting; migrated and "
          f"ready {ready_after:.1f} s after start)", flush=True)
    return waiting


def read_only(folder: Path, held: dict) -> str:
    """The read-only database on a FUSE file system (see `RefusingMount`): under a running server, under load,
    at start, and at start with a migration pending. Returns a one-line account; `held` gets the mount and
    the current scenario as they come, for the caller to check and clean up whatever happens."""
    try:
        mount = held["mount"] = RefusingMount(folder)
    except RefusingMount.Unavailable as reason:
        return f"read-only: SKIPPED, FUSE is not usable here ({reason})"
    scenario = start_on(mount, held, "")
    scenario.server.wait_ready()
    status, _, service = scenario.client.call("POST", "/api/v1/services", {"name": "read-only"})
    assert status == 201, (status, service)
    scenario.key = service["integration_key"]
    read_only_running(scenario, mount)
    read_only_under_load(scenario, mount)
    scenario = read_only_at_start(scenario, mount, held)
    migrations_blocked_at_start(scenario, mount, held)
    return "read-only: checked on a FUSE file system refusing writes with EROFS"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="klaxon-faults-") as folder_name:
        mount_point = Path(folder_name) / "disk"
        mount_point.mkdir()
        mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m", "tmpfs", str(mount_point)],
                                 capture_output=True, text=True)
        if mounted.returncode != 0:
            print(f"faults: full disk SKIPPED: mount not permitted ({mounted.stderr.strip()}); "
                  "the full disk is covered in-process by IngestionStorageFailureAPITests", flush=True)
            mount_point = Path(folder_name)
        print(f"faults: mode {'tmpfs mount (6 MiB)' if mounted.returncode == 0 else 'no mount'}", flush=True)
        server = None
        problems: list[str] = []
        try:
            server = Klaxon(drain_log=True, database=mount_point / "klaxon.db",
                            arguments=("--busy-timeout-ms", str(BUSY_TIMEOUT_MS), "--ingest-rate-limit", "0"))
            server.wait_ready()
            setup = Client(server.port)
            status, _, service = setup.call("POST", "/api/v1/services", {"name": "faults"})
            assert status == 201, (status, service)
            scenario = Scenario(server, service["integration_key"])
            problems = scenario.problems
            write_lock(scenario)
            if mounted.returncode == 0:
                full_disk(scenario, mount_point)
            alive = server.process.poll() is None
            scenario.expect(alive, "the server exited during the faults")
        finally:
            if server is not None:
                server.stop()
            if mounted.returncode == 0:
                subprocess.run(["umount", str(mount_point)], check=False)
        read_only_folder = Path(folder_name) / "read-only"
        read_only_folder.mkdir()
        held: dict = {"mount": None, "scenario": None}
        try:
            print(read_only(read_only_folder, held), flush=True)
        finally:
            last = held["scenario"]
            if last is not None:
                last.expect(last.server.process.poll() is None, "read-only: the server exited")
                problems += last.problems
                last.server.stop()
            if held["mount"] is not None:
                held["mount"].close()
    if problems:
        print("FAILED:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print("faults: every sender got its retry answer, the server stayed up and recovered by itself, "
          "nothing half-written", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
