#!/usr/bin/env python3
"""How late pages run after a storm: opens N incidents at once on a service whose policy escalates after
1 minute, then watches /metrics (`klaxon_escalation_timers_due`, `klaxon_escalation_lag_seconds`) from the
moment the first timer runs out until the engine has worked off every one, and checks that every incident
escalated exactly once. Deliveries are held (--hold-deliveries), so only the engine's own work is measured.

Usage: bench/escalation_storm.py [--klaxon .build/release/klaxon] [--incidents 5000] [--dir DIR]
Everything on 127.0.0.1; every loop is bounded; the server started here is always stopped.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time

TOKEN = "klx_bench_0123456789abcdefghijklmnopqrstuvwxyz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    def __init__(self, port: int):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)

    def request(self, method: str, path: str, body=None, expect=(200, 201)):
        headers = {"Authorization": f"Bearer {TOKEN}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        text = response.read().decode()
        if response.status not in expect:
            raise SystemExit(f"{method} {path}: {response.status} {text}")
        return text


def gauges(client: Client) -> dict:
    text = client.request("GET", "/metrics")
    values = {}
    for name in ("klaxon_escalation_timers_due", "klaxon_escalation_lag_seconds", "klaxon_incidents_escalated_total"):
        match = re.search(rf"^{name} (\S+)$", text, re.M)
        values[name] = float(match.group(1)) if match else float("nan")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--klaxon", default=".build/release/klaxon")
    parser.add_argument("--incidents", type=int, default=5000)
    parser.add_argument("--dir")
    args = parser.parse_args()
    directory = args.dir or tempfile.mkdtemp(prefix="klaxon-escalation-storm-")
    os.makedirs(directory, exist_ok=True)
    database = os.path.join(directory, "storm.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(database + suffix):
            os.remove(database + suffix)
    port = free_port()
    log = open(os.path.join(directory, "serve.log"), "w")
    server = subprocess.Popen(
        [args.klaxon, "serve", "--port", str(port), "--db", database, "--hold-deliveries", "--ingest-rate-limit", "0"],
        stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, KLAXON_ADMIN_TOKEN=TOKEN))
    try:
        deadline = time.time() + 30
        while True:
            try:
                Client(port).request("GET", "/readyz")
                break
            except (OSError, SystemExit):
                if time.time() > deadline:
                    raise SystemExit("klaxon did not become ready")
                time.sleep(0.1)
        setup = Client(port)
        setup.request("POST", "/api/v1/users", {"handle": "alice", "name": "Alice", "webhook_url": "https://example.com/alice"})
        setup.request("POST", "/api/v1/users", {"handle": "bob", "name": "Bob", "webhook_url": "https://example.com/bob"})
        setup.request("POST", "/api/v1/escalation-policies", {
            "name": "storm",
            "levels": [{"delay_minutes": 1, "targets": [{"user": "alice"}]},
                       {"delay_minutes": 1, "targets": [{"user": "bob"}]}]})
        setup.request("POST", "/api/v1/services", {"name": "storm", "escalation_policy": "storm"})

        def open_some(worker: int, count: int) -> None:
            client = Client(port)
            for number in range(count):
                client.request("POST", "/api/v1/incidents",
                               {"title": f"Storm {worker}-{number}", "severity": "sev2", "service": "storm"})

        workers = 32
        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            shares = [args.incidents // workers + (1 if w < args.incidents % workers else 0) for w in range(workers)]
            list(pool.map(open_some, range(workers), shares))
        opened = time.time() - started
        print(f"opened {args.incidents} incidents in {opened:.1f} s ({args.incidents / opened:,.0f}/s)")

        # The first timer runs out 60 s after the first incident; watch until all are worked off.
        first_due = started + 60
        watch = Client(port)
        while time.time() < first_due - 1:
            time.sleep(0.5)
        worst_lag, worst_due, drained_at = 0.0, 0.0, None
        deadline = first_due + 600
        while time.time() < deadline:
            values = gauges(watch)
            worst_lag = max(worst_lag, values["klaxon_escalation_lag_seconds"])
            worst_due = max(worst_due, values["klaxon_escalation_timers_due"])
            if time.time() > first_due + opened and values["klaxon_incidents_escalated_total"] >= args.incidents:
                drained_at = time.time()
                break
            time.sleep(0.25)
        final = gauges(watch)
        if drained_at is None:
            raise SystemExit(f"not drained within 10 minutes: {final}")
        print(f"timers ran out over {opened:.1f} s; all {args.incidents} escalated {drained_at - first_due:.1f} s after "
              f"the first ran out; most timers due at once {worst_due:,.0f}; worst lag {worst_lag:.1f} s "
              f"(0 from a server without these gauges); "
              f"escalated_total {final['klaxon_incidents_escalated_total']:,.0f} (expected {args.incidents})")
        if final["klaxon_incidents_escalated_total"] != args.incidents:
            raise SystemExit("an incident escalated more than once")
    finally:
        server.terminate()
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
