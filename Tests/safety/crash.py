#!/usr/bin/env python3
"""Crash safety (issue 10, item 1): SIGKILL `klaxon serve` at random moments under load and prove that nothing
acknowledged is lost.

Client processes drive the server: an Alertmanager sender and a PagerDuty Events v2 sender (by integration key,
re-sending the same groups and dedup keys so deduplication is exercised), and operators on the JSON API (open
an incident, acknowledge it, add notes). Each appends every request that got a 2xx, with what identifies it, to
its own log file and fsyncs it before sending the next. The server follows a two-level policy with 1-minute
delays, so the escalation engine pages across the kills.

After every kill, with the server down, the database file is checked: `PRAGMA integrity_check` is ok, every
logged 2xx is in it, no dedup key has two open incidents, each incident's pages walk the policy without a gap or
a repeat and the engine's state names the last one, every page has exactly its outbox rows. The server is then
started again on the same file (a new port: the clients read it from a file) and its restart-to-ready time
(spawn to `/readyz` 200) is measured. At the end the escalation engine must be on time (no timer overdue) and
at least one incident must have been paged at level 1 after a kill-crossing wait, so the page checks saw real
escalations.

CI (short form): crash.py --kills 3      By hand (long form): crash.py --kills 20
Exit status 0 when everything holds. Talks to 127.0.0.1 only; every process it starts is stopped by its pid.

To add a driver (say a receiver on 127.0.0.1 counting deliveries once outbox delivery lands): write
`drive_<name>(context)` that logs what it was told with `context.record({"kind": ...})`, add it to DRIVERS, and
teach `fact_present` that kind; checks across all facts (every page delivered, repeats only with the same
`webhook-id`) go next to `final_escalation_problems`.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from safety_support import (  # noqa: E402
    ADMIN_TOKEN, Client, Klaxon, alertmanager_group, integrity_problems, open_database, pagerduty_trigger,
    set_up_escalating_service)

# No rate limit (the load is the point); pages go to 127.0.0.1:9, refused without the second flag.
SERVE_FLAGS = ("--ingest-rate-limit", "0", "--allow-private-destinations")


# Requests per second per client process: a steady load with plenty of writes in flight at every kill, but not a
# storm of new incidents whose 1-minute escalations would outgrow the engine's pace (one commit per page).
REQUESTS_PER_SECOND = 40


class DriverContext:
    """What a client process gets: the current server's port (re-read after a connection failure), its own
    fsynced log of acknowledged facts, a stop event, a pace, and a random generator of its own."""

    def __init__(self, name: str, folder: Path, stop, seed: int) -> None:
        self.name, self.folder, self.stop = name, folder, stop
        self.next_send = time.monotonic()
        self.random = random.Random(seed)
        self.log = open(folder / f"acked-{name}.jsonl", "a", encoding="utf-8")
        self.client = Client(self.current_port(), timeout=5)
        self.integration_key = (folder / "integration-key").read_text()

    def current_port(self) -> int:
        return int((self.folder / "server-port").read_text())

    def call(self, method: str, path: str, body: object | None = None, authenticated: bool = True):
        """Sends until an answer comes (the server may be down or restarting); returns (status, body), or
        (None, None) once stopped. Receivers are called by integration key in the path, the API by token."""
        self.next_send = max(self.next_send + 1 / REQUESTS_PER_SECOND, time.monotonic())
        time.sleep(max(0.0, self.next_send - time.monotonic()))
        while not self.stop.is_set():
            try:
                status, _, answer = self.client.call(
                    method, path, body, token=ADMIN_TOKEN if authenticated else None)
                return status, answer
            except Exception:  # noqa: BLE001 - refused, reset or cut off by a kill: find the server again
                self.client.close()
                time.sleep(0.05)
                self.client.port = self.current_port()
        return None, None

    def record(self, fact: dict) -> None:
        """Logs an acknowledged fact durably before the next request is sent."""
        self.log.write(json.dumps(fact) + "\n")
        self.log.flush()
        os.fsync(self.log.fileno())


def drive_alertmanager(context: DriverContext) -> None:
    """Groups of one to three alerts; most sends re-send an earlier group (deduplication)."""
    sent: list[tuple[str, list[str]]] = []
    while not context.stop.is_set():
        if sent and context.random.random() < 0.8:
            group, fingerprints = context.random.choice(sent)
        else:
            group = f"am-{context.name}-{len(sent)}"
            fingerprints = [f"{group}-f{index}" for index in range(context.random.randint(1, 3))]
            sent.append((group, fingerprints))
        status, answer = context.call(
            "POST", f"/api/v1/integrations/alertmanager/{context.integration_key}",
            alertmanager_group(group, fingerprints), authenticated=False)
        if status is not None and 200 <= status < 300:
            context.record({"kind": "alertmanager", "dedup_key": group, "alert_keys": fingerprints})


def drive_pagerduty(context: DriverContext) -> None:
    """Trigger events; most re-send an earlier dedup key."""
    keys: list[str] = []
    while not context.stop.is_set():
        if keys and context.random.random() < 0.8:
            key = context.random.choice(keys)
        else:
            key = f"pd-{context.name}-{len(keys)}"
            keys.append(key)
        status, answer = context.call(
            "POST", "/v2/enqueue", pagerduty_trigger(context.integration_key, key), authenticated=False)
        if status == 202:
            context.record({"kind": "pagerduty", "dedup_key": key})


def drive_operator(context: DriverContext) -> None:
    """Opens incidents on the escalating service, acknowledges some, adds notes to them."""
    opened: list[int] = []
    step = 0
    while not context.stop.is_set():
        step += 1
        choice = context.random.random()
        if not opened or choice < 0.2:
            title = f"Operator {context.name} incident {step}"
            status, answer = context.call("POST", "/api/v1/incidents", {"title": title, "service": "checkout"})
            if status == 201:
                opened.append(answer["id"])
                context.record({"kind": "created", "id": answer["id"], "title": title})
        elif choice < 0.35:
            incident = context.random.choice(opened)
            status, answer = context.call("POST", f"/api/v1/incidents/{incident}/acknowledge", {})
            if status == 200:
                context.record({"kind": "acknowledged", "id": incident})
        else:
            incident = context.random.choice(opened)
            text = f"note {context.name}-{step}"
            status, answer = context.call("POST", f"/api/v1/incidents/{incident}/notes", {"text": text})
            if status == 201:
                context.record({"kind": "note", "id": incident, "text": text})


DRIVERS = {"alertmanager": drive_alertmanager, "pagerduty": drive_pagerduty,
           "operator-1": drive_operator, "operator-2": drive_operator}


def publish_port(folder: Path, port: int) -> None:
    """Replaces the port file in one step, so a client never reads it half-written."""
    staging = folder / "server-port.new"
    staging.write_text(str(port))
    os.replace(staging, folder / "server-port")


def run_driver(name: str, folder: str, stop, seed: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    driver = DRIVERS[name]
    driver(DriverContext(name, Path(folder), stop, seed))


def fact_present(db: sqlite3.Connection, service_id: int, fact: dict) -> bool:
    kind = fact["kind"]
    if kind == "alertmanager":
        found = db.execute(
            f"""SELECT COUNT(DISTINCT a.alert_key) FROM incidents i JOIN alerts a ON a.incident_id = i.id
            WHERE i.service_id = ? AND i.dedup_key = ? AND a.alert_key IN
            ({",".join("?" * len(fact["alert_keys"]))})""",
            (service_id, fact["dedup_key"], *fact["alert_keys"])).fetchone()[0]
        return found == len(fact["alert_keys"])
    if kind == "pagerduty":
        return db.execute("SELECT 1 FROM incidents WHERE service_id = ? AND dedup_key = ?",
                          (service_id, fact["dedup_key"])).fetchone() is not None
    if kind == "created":
        return db.execute("SELECT 1 FROM incidents WHERE id = ? AND title = ?",
                          (fact["id"], fact["title"])).fetchone() is not None
    if kind == "acknowledged":
        return db.execute("SELECT 1 FROM timeline_events WHERE incident_id = ? AND kind = 'acknowledged'",
                          (fact["id"],)).fetchone() is not None
    if kind == "note":
        return db.execute("SELECT 1 FROM timeline_events WHERE incident_id = ? AND kind = 'note' AND message = ?",
                          (fact["id"], fact["text"])).fetchone() is not None
    raise ValueError(f"no check for facts of kind {kind!r}")


def read_facts(folder: Path) -> list[dict]:
    facts = []
    for path in sorted(folder.glob("acked-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            # A client killed mid-write leaves at most a torn last line, which was never acknowledged to it.
            if line.endswith("}"):
                facts.append(json.loads(line))
    return facts


def check_database(database: Path, folder: Path) -> tuple[list[str], int]:
    """Everything checked after a kill; returns (problems, number of acknowledged facts checked)."""
    db = open_database(database)
    try:
        problems = integrity_problems(db)
        service_id = db.execute("SELECT id FROM services WHERE name = 'checkout'").fetchone()[0]
        facts = read_facts(folder)
        missing = [fact for fact in facts if not fact_present(db, service_id, fact)]
        if missing:
            problems.append(f"{len(missing)} acknowledged writes missing, e.g. {missing[:5]}")
        return problems, len(facts)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=3)
    parser.add_argument("--min-interval", type=float, default=None,
                        help="fewest seconds between a restart and the next kill (default 4, long form 5)")
    parser.add_argument("--max-interval", type=float, default=None,
                        help="most seconds between a restart and the next kill (default 15, long form 20)")
    parser.add_argument("--min-seconds", type=float, default=75,
                        help="the whole run lasts at least this long, so 1-minute escalations fire (default 75)")
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    long_form = options.kills >= 10
    low = options.min_interval if options.min_interval is not None else (5 if long_form else 4)
    high = options.max_interval if options.max_interval is not None else (20 if long_form else 15)
    seed = options.seed if options.seed is not None else random.randrange(1 << 30)
    chooser = random.Random(seed)
    print(f"crash: {options.kills} kills, {low:.0f}-{high:.0f} s apart, seed {seed}", flush=True)

    with tempfile.TemporaryDirectory(prefix="klaxon-crash-") as folder_name:
        folder = Path(folder_name)
        database = folder / "klaxon.db"
        server = Klaxon(drain_log=True, database=database, arguments=SERVE_FLAGS)
        # Spawned, not forked: the parent runs threads (the server log drainers).
        spawn = multiprocessing.get_context("spawn")
        stop = spawn.Event()
        processes: list = []
        problems: list[str] = []
        ready_times: list[float] = []
        started = time.monotonic()
        try:
            server.wait_ready()
            setup = Client(server.port)
            (folder / "integration-key").write_text(set_up_escalating_service(setup, delay_minutes=1, repeat=1))
            setup.close()
            publish_port(folder, server.port)
            for index, name in enumerate(DRIVERS):
                process = spawn.Process(
                    target=run_driver, args=(name, folder_name, stop, seed + index), name=name)
                process.start()
                processes.append(process)

            for kill in range(1, options.kills + 1):
                time.sleep(chooser.uniform(low, high))
                server.kill()
                found, checked = check_database(database, folder)
                print(f"kill {kill}: {checked} acknowledged writes checked, "
                      f"{'ok' if not found else 'PROBLEMS'}", flush=True)
                problems += [f"after kill {kill}: {problem}" for problem in found]
                if found:
                    print(server.log.decode(errors="replace")[-4000:], file=sys.stderr)
                    break
                server = Klaxon(drain_log=True, database=database, arguments=SERVE_FLAGS)
                ready = server.wait_ready()
                ready_times.append(ready)
                publish_port(folder, server.port)
                print(f"  restarted: ready in {ready:.3f} s", flush=True)

            # The last phase runs until the 1-minute delays of early incidents have run out.
            remaining = options.min_seconds - (time.monotonic() - started)
            if not problems and remaining > 0:
                time.sleep(remaining)
            stop.set()
            for process in processes:
                process.join(timeout=20)
                if process.is_alive():
                    process.kill()
                    problems.append(f"client {process.name} did not stop")
                elif process.exitcode != 0:
                    problems.append(f"client {process.name} failed (exit {process.exitcode}); see its traceback")
            if not problems:
                problems += final_escalation_problems(database)
        finally:
            stop.set()
            for process in processes:
                if process.is_alive():
                    process.kill()
            server.stop()
        if not problems:
            found, checked = check_database(database, folder)
            problems += [f"after the final stop: {problem}" for problem in found]
            print(f"final: {checked} acknowledged writes checked after a clean stop", flush=True)

    if ready_times:
        print(f"restart to ready (spawn to /readyz 200): min {min(ready_times):.3f} s, "
              f"median {statistics.median(ready_times):.3f} s, max {max(ready_times):.3f} s "
              f"over {len(ready_times)} restarts", flush=True)
    if problems:
        print("FAILED:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"crash: {options.kills} of {options.kills} kills survived: integrity ok, no acknowledged write lost, "
          "no duplicate incident, pages in order", flush=True)
    return 0


def overdue_timers(database: Path) -> list[tuple[int, int]]:
    """Escalation timers that ran out more than the engine's 1 s poll plus a margin ago."""
    db = open_database(database)
    try:
        return db.execute("SELECT incident_id, next_escalation_at FROM incident_escalations "
                          "WHERE next_escalation_at < ?", (int(time.time() * 1000) - 2500,)).fetchall()
    finally:
        db.close()


def final_escalation_problems(database: Path) -> list[str]:
    """With the server up: the engine works off every timer that ran out while it was down or busy (a backlog
    may take a while after a long storm, but it must shrink every 10 s until none is overdue: a timer it never
    handles is a skipped page), level-1 pages happened (so the page walk check saw escalations across kills),
    and none came before its 1-minute delay."""
    started = time.monotonic()
    overdue = overdue_timers(database)
    backlog = len(overdue)
    checked_at, count_then = started, backlog
    while overdue:
        time.sleep(0.5)
        overdue = overdue_timers(database)
        if time.monotonic() - checked_at >= 10:
            if len(overdue) >= count_then:
                break
            checked_at, count_then = time.monotonic(), len(overdue)
    caught_up = time.monotonic() - started
    db = open_database(database)
    try:
        escalated = db.execute("SELECT COUNT(*) FROM timeline_events WHERE kind = 'paged' "
                               "AND json_extract(data, '$.level') = 1").fetchone()[0]
        early = db.execute("""SELECT p.incident_id FROM timeline_events p JOIN timeline_events c
            ON c.incident_id = p.incident_id AND c.kind = 'created'
            WHERE p.kind = 'paged' AND json_extract(p.data, '$.level') = 1 AND p.at < c.at + 60000""").fetchall()
    finally:
        db.close()
    problems = []
    if overdue:
        problems.append(f"{len(overdue)} escalation timers overdue and no longer shrinking: {overdue[:5]}")
    if escalated == 0:
        problems.append("no incident reached level 1: the run was too short to see escalations")
    if early:
        problems.append(f"level 1 paged before its 1-minute delay: incidents {early[:5]}")
    print(f"escalation: {escalated} level-1 pages, none early; a backlog of {backlog} overdue timers when the "
          f"clients stopped, all handled {caught_up:.1f} s later" if not problems else "escalation: problems",
          flush=True)
    return problems


if __name__ == "__main__":
    sys.exit(main())
