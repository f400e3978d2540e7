#!/usr/bin/env python3
"""Slowloris benchmark (issue 11): a normal client's latency with and without slow connections open.

Starts the release `klaxon serve` (or KLAXON_BINARY) on 127.0.0.1 with a fresh database, measures
GET /api/v1/incidents/1 from one keep-alive client (N requests) alone, then again while SLOW connections each
send one header byte every INTERVAL seconds (re-opened when the server cuts them at its 10 s header
timeout), and prints p50/p99 of both and the ratio. Target: p99 with 500 slow connections at most 2 x
without. Usage: bench/slowloris.py [--slow 500] [--requests 2000] [--interval 2]
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Tests" / "peers"))
os.environ.setdefault("KLAXON_BINARY", str(ROOT / ".build" / "release" / "klaxon"))
from klaxon_process import ADMIN_TOKEN, Klaxon  # noqa: E402


def latencies(port: int, count: int) -> list[float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    result = []
    for _ in range(count):
        start = time.perf_counter()
        connection.request("GET", "/api/v1/incidents/1", headers=headers)
        answer = connection.getresponse()
        answer.read()
        assert answer.status == 200, answer.status
        result.append((time.perf_counter() - start) * 1000)
    connection.close()
    return result


def summary(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.99) - 1]


def attack(port: int, slow: int, interval: float, stop: threading.Event, cut: list[int]) -> None:
    sockets: list[socket.socket] = []

    def open_one() -> socket.socket:
        s = socket.create_connection(("127.0.0.1", port), timeout=5)
        s.sendall(b"GET /api/v1/incidents/1 HTTP/1.1\r\nHost: t\r\nX-Slow: ")
        return s

    for _ in range(slow):
        sockets.append(open_one())
    while not stop.is_set():
        for index, s in enumerate(sockets):
            try:
                s.sendall(b"a")
            except OSError:
                cut[0] += 1
                s.close()
                sockets[index] = open_one()
        stop.wait(interval)
    for s in sockets:
        s.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slow", type=int, default=500)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=2.0)
    args = parser.parse_args()
    klaxon = Klaxon()
    try:
        status, body = klaxon.request("POST", "/api/v1/incidents", {"title": "Checkout latency over SLO"})
        assert status == 201, (status, body)
        latencies(klaxon.port, 200)  # warm-up
        alone = latencies(klaxon.port, args.requests)
        stop = threading.Event()
        cut = [0]
        attacker = threading.Thread(target=attack, args=(klaxon.port, args.slow, args.interval, stop, cut), daemon=True)
        attacker.start()
        time.sleep(2)
        attacked = latencies(klaxon.port, args.requests)
        stop.set()
        attacker.join(timeout=30)
    finally:
        klaxon.stop()
    (p50a, p99a), (p50b, p99b) = summary(alone), summary(attacked)
    print(f"alone: p50 {p50a:.2f} ms, p99 {p99a:.2f} ms ({args.requests} requests)")
    print(f"with {args.slow} slow connections: p50 {p50b:.2f} ms, p99 {p99b:.2f} ms; {cut[0]} slow connections cut meanwhile")
    print(f"p99 ratio {p99b / p99a:.2f} (target <= 2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
