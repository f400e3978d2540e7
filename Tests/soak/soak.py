#!/usr/bin/env python3
"""Soak test (issue 11): mixed load against the built `klaxon serve` for a while, then checks that

- every valid request got a 2xx answer (none refused, none failed, none timed out);
- resident memory at the end is within 10 % of what it was after warm-up (a quarter of the run); both ends are
  medians of the samples (every 10 s) in a window of a tenth of the run, so one sample's garbage of the moment
  does not decide. The output splits it into the heap (anonymous memory, where a leak would show) and
  file-backed pages (the binary, and database pages the readers mapped, which grow with the file);
- no file descriptors leaked (the count at the end is at most 2 above the count after warm-up);
- the database file, its WAL and the server's log contain none of the API tokens issued in plain text, nor the
  integration key or a signing secret (the database keeps hashes and sealed secrets).

The service follows a two-level escalation policy with one-minute delays, so the escalation engine runs
too. Load, each on its own keep-alive connection: an Alertmanager sender (20 groups re-sent, firing and resolving
every 30 s, by integration key), a PagerDuty Events v2 sender (trigger/acknowledge/resolve cycles), an operator's write
token (open, acknowledge, note, resolve, write the postmortem, close), and two readers (open list, incident, timeline).
Senders are paced below the ingestion rate limit. Usage: soak.py [--seconds 120] (30 minutes by hand:
--seconds 1800). Exit status 0 when everything holds. Talks to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "peers"))
from klaxon_process import ADMIN_TOKEN, Klaxon  # noqa: E402


class Client:
    """One keep-alive connection; counts answers, remembers every unexpected one."""

    def __init__(self, port: int, name: str, stats: "Stats") -> None:
        self.port, self.name, self.stats = port, name, stats
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    def call(self, method: str, path: str, body: object | None = None, token: str | None = None) -> object:
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        try:
            self.connection.request(method, path, body=data, headers=headers)
            answer = self.connection.getresponse()
            payload = answer.read()
        except Exception as error:  # noqa: BLE001 - any failure of a valid request is a finding
            self.stats.fail(self.name, f"{method} {path}: {type(error).__name__}: {error}")
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
            return None
        if not 200 <= answer.status < 300:
            self.stats.fail(self.name, f"{method} {path}: {answer.status} {payload[:300]!r}")
            return None
        self.stats.ok(self.name)
        return json.loads(payload) if payload else None


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.answered: dict[str, int] = {}
        self.failures: list[str] = []

    def ok(self, name: str) -> None:
        with self.lock:
            self.answered[name] = self.answered.get(name, 0) + 1

    def fail(self, name: str, what: str) -> None:
        with self.lock:
            self.failures.append(f"{name}: {what}")


def paced(stop: threading.Event, per_second: float, step) -> None:
    interval = 1.0 / per_second
    index = 0
    next_at = time.monotonic()
    while not stop.is_set():
        step(index)
        index += 1
        next_at += interval
        delay = next_at - time.monotonic()
        if delay > 0:
            stop.wait(delay)
        else:
            next_at = time.monotonic()


def alertmanager_group(index: int) -> dict:
    # 20 groups re-sent in turn (Alertmanager's group_interval); each group resolves and fires again every
    # 600 requests (30 s at 20/s): flapping alerts, whose incidents reopen within the grouping window.
    group = index % 20
    status = "resolved" if (index // 600) % 2 else "firing"
    alerts = [{
        "status": status,
        "labels": {"alertname": "HighLatency", "group": f"g{group}", "instance": f"i-{n}", "severity": "warning"},
        "annotations": {"summary": f"Latency high in group {group}"},
        "startsAt": "2026-11-27T08:00:00.000Z",
        "endsAt": "2026-11-27T09:00:00.000Z" if status == "resolved" else "0001-01-01T00:00:00Z",
        "generatorURL": "http://prometheus.example:9090/graph",
        "fingerprint": f"{group:08x}{n:08x}",
    } for n in range(5)]
    return {
        "version": "4", "groupKey": f'{{}}:{{group="g{group}"}}', "truncatedAlerts": 0, "status": status,
        "receiver": "klaxon", "groupLabels": {"group": f"g{group}"},
        "commonLabels": {"alertname": "HighLatency", "group": f"g{group}"},
        "commonAnnotations": {"summary": f"Latency high in group {group}"},
        "externalURL": "http://alertmanager.example:9093", "alerts": alerts,
    }


def process_memory(pid: int) -> tuple[int, int, int, int]:
    """(resident KiB, of which anonymous KiB, of which file-backed KiB, open descriptors) of the server."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile"):
            fields[name] = int(value.split()[0])
    return (fields.get("VmRSS", 0), fields.get("RssAnon", 0), fields.get("RssFile", 0),
            len(os.listdir(f"/proc/{pid}/fd")))


def window_median(samples: list, start: float, end: float, index: int) -> int:
    """The median of field `index` of the samples taken between `start` and `end` seconds (else the nearest)."""
    inside = sorted(sample[index] for sample in samples if start <= sample[0] <= end)
    if not inside:
        inside = [min(samples, key=lambda sample: abs(sample[0] - start))[index]]
    return inside[len(inside) // 2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--warm-up", type=float, default=0.25, help="share of the run before the memory baseline")
    args = parser.parse_args()
    seconds = args.seconds

    klaxon = Klaxon(drain_log=True, extra_arguments=("--allow-private-destinations",))
    stats = Stats()
    stop = threading.Event()
    try:
        # The service follows a one-minute, two-level policy with repeats, so the escalation engine pages
        # (outbox rows; delivery comes with a later issue) all through the run.
        for handle in ("alice", "bob"):
            status, body = klaxon.request("POST", "/api/v1/users", {
                "handle": handle, "name": handle.title(), "webhook_url": f"http://127.0.0.1:9/{handle}"})
            assert status == 201, (status, body)
        signing_secret = "whsec_" + base64.b64encode(os.urandom(32)).decode()
        status, body = klaxon.request("PUT", "/api/v1/users/alice/signing-secret", {"secret": signing_secret})
        assert status == 204, (status, body)
        status, body = klaxon.request("POST", "/api/v1/escalation-policies", {
            "name": "checkout", "repeat": 3, "levels": [
                {"delay_minutes": 1, "targets": [{"user": "alice"}]},
                {"delay_minutes": 1, "targets": [{"user": "bob"}]}]})
        assert status == 201, (status, body)
        status, body = klaxon.request("POST", "/api/v1/services", {"name": "checkout", "escalation_policy": "checkout"})
        assert status == 201, (status, body)
        key = body["integration_key"]
        status, body = klaxon.request("POST", "/api/v1/tokens", {"name": "operator", "scope": "write"})
        assert status == 201, (status, body)
        operator = body["token"]
        status, body = klaxon.request("POST", "/api/v1/tokens", {"name": "reader", "scope": "read"})
        assert status == 201, (status, body)
        reader = body["token"]
        issued = [ADMIN_TOKEN, operator, reader]
        port, pid = klaxon.port, klaxon.process.pid

        def alertmanager(client: Client):
            return lambda index: client.call(
                "POST", f"/api/v1/integrations/alertmanager/{key}", alertmanager_group(index))

        def pagerduty(client: Client):
            actions = ["trigger", "trigger", "acknowledge", "resolve"]
            return lambda index: client.call("POST", "/v2/enqueue", {
                "routing_key": key, "event_action": actions[index % 4], "dedup_key": f"pd-{(index // 4) % 10}",
                "payload": {"summary": "Queue depth high", "source": "worker-1", "severity": "error"},
            })

        def operator_steps(client: Client):
            state = {"id": None}

            def step(index: int) -> None:
                phase = index % 5
                if phase == 0:
                    created = client.call("POST", "/api/v1/incidents",
                                          {"title": f"Manual incident {index}", "severity": "sev2"}, operator)
                    state["id"] = created["id"] if created else None
                elif state["id"] is not None:
                    action = {1: "acknowledge", 2: "notes", 3: "resolve", 4: "close"}[phase]
                    body = {"text": "looking"} if action == "notes" else {"note": "soak"}
                    if action == "close":
                        # A sev2 closes with its postmortem's required sections written.
                        for section in ("root_causes", "trigger", "resolution"):
                            client.call("PUT", f"/api/v1/incidents/{state['id']}/postmortem/sections/{section}",
                                        {"text": f"soak {section}"}, operator)
                    client.call("POST", f"/api/v1/incidents/{state['id']}/{action}", body, operator)
            return step

        def reader_steps(client: Client):
            def step(index: int) -> None:
                listed = client.call("GET", "/api/v1/incidents?status=open&limit=20", token=reader)
                items = (listed or {}).get("items") or []
                if items:
                    chosen = items[index % len(items)]["id"]
                    client.call("GET", f"/api/v1/incidents/{chosen}", token=reader)
                    client.call("GET", f"/api/v1/incidents/{chosen}/timeline", token=reader)
            return step

        workers = [
            ("alertmanager", 20, alertmanager), ("pagerduty", 20, pagerduty), ("operator", 10, operator_steps),
            ("reader-1", 30, reader_steps), ("reader-2", 30, reader_steps),
        ]
        threads = []
        for name, rate, make in workers:
            client = Client(port, name, stats)
            thread = threading.Thread(target=paced, args=(stop, rate, make(client)), name=name, daemon=True)
            thread.start()
            threads.append(thread)

        started = time.monotonic()
        samples = []  # (seconds, RSS KiB, anonymous KiB, file-backed KiB, descriptors) every 10 s
        warm_fds = 0
        while (elapsed := time.monotonic() - started) < seconds:
            if not warm_fds and elapsed >= seconds * args.warm_up:
                warm_fds = process_memory(pid)[3]
            if not samples or elapsed - samples[-1][0] >= 10:
                samples.append((elapsed, *process_memory(pid)))
            time.sleep(0.5)
        samples.append((time.monotonic() - started, *process_memory(pid)))
        stop.set()
        for thread in threads:
            thread.join(timeout=15)
        end_fds = process_memory(pid)[3]
        status, body = klaxon.request("GET", "/api/v1/outbox?limit=500")
        pages = len(body.get("items", [])) if status == 200 else 0
    finally:
        stop.set()
        collected = klaxon.stop_and_collect()

    database_bytes = len(collected["db"])
    answered = sum(stats.answered.values())
    print(f"soak: {seconds:.0f} s, {answered} requests answered 2xx "
          f"({', '.join(f'{k} {v}' for k, v in sorted(stats.answered.items()))}), {len(stats.failures)} failed")
    print("soak: RSS KiB over time (anonymous + file-backed): "
          + ", ".join(f"{t:.0f}s {r} ({a} + {f})" for t, r, a, f, _ in samples))
    print(f"soak: {pages} pages in the outbox (the newest 500 at most)")
    warm_fds = warm_fds or end_fds  # a run shorter than its warm-up has no baseline of its own
    window = seconds * 0.1
    warm_at = seconds * args.warm_up
    warm_rss, warm_anon, warm_file = (window_median(samples, warm_at, warm_at + window, i) for i in (1, 2, 3))
    end_rss, end_anon, end_file = (window_median(samples, seconds - window, seconds + 60, i) for i in (1, 2, 3))
    print(f"soak: after warm-up / at the end (medians over {window:.0f} s): heap (anonymous) {warm_anon} / {end_anon} KiB "
          f"({(end_anon / warm_anon - 1) * 100:+.1f} %); mapped database and binary (file-backed) {warm_file} / "
          f"{end_file} KiB; RSS {warm_rss} / {end_rss} KiB ({(end_rss / warm_rss - 1) * 100:+.1f} %); "
          f"descriptors {warm_fds} -> {end_fds}; database file {database_bytes // 1024} KiB at the end")
    problems = list(stats.failures[:20])
    if answered < seconds * 50:
        problems.append(f"only {answered} requests answered in {seconds:.0f} s: the load did not run")
    if end_rss > warm_rss * 1.10:
        problems.append(f"resident memory grew {(end_rss / warm_rss - 1) * 100:.1f} % after warm-up (limit 10 %; "
                        f"heap {warm_anon} -> {end_anon} KiB, file-backed {warm_file} -> {end_file} KiB)")
    if pages == 0:
        problems.append("the escalation policy paged nobody")
    if end_fds > warm_fds + 2:
        problems.append(f"file descriptors grew from {warm_fds} to {end_fds}")
    for name, content in [("server log", collected["log"]), ("database", collected["db"]),
                          ("WAL", collected["wal"])]:
        for token in issued:
            if token.encode() in content:
                problems.append(f"an issued token appears in plain text in the {name}")
        # The integration key travelled in every ingestion URL; the access log names the route, not the key.
        if key.encode() in content:
            problems.append(f"the integration key appears in plain text in the {name}")
        if signing_secret.encode() in content or signing_secret[6:].encode() in content:
            problems.append(f"a signing secret appears in plain text in the {name}")
    if b"127.0.0.1:9/alice" in collected["log"]:
        problems.append("a contact URL appears in the server log")
    for problem in problems:
        print("FAIL", problem)
    print(f"soak test: {0 if problems else 1} passed, {1 if problems else 0} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
