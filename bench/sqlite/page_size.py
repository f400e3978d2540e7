#!/usr/bin/env python3
"""What SQLite's page size would buy durable single creates, on the real schema and this disk.

A durable create (one incident and its `created` timeline event, one transaction) writes about fourteen pages
to the write-ahead log at 4 KiB each; pages_per_commit.py shows a commit's size costs on this disk. This loop
applies migrations/*.sql to a fresh file at each PAGE_SIZE, adds PREFILL incidents, then commits one create
per transaction for SECONDS (WAL, synchronous=FULL, SQLite's automatic checkpoint as in the fsync-rate loop,
so the log is reused rather than grown). Each round is bracketed by two fsync-rate measurements
(fsync_rate.py's loop) and prints creates/s, their ratio to the mean fsync rate, WAL frames and bytes per
create (measured with checkpoints off for a moment).

Usage: page_size.py [DIR=.] [SECONDS=2] [ROUNDS=3] [PAGE_SIZES=4096,2048,1024] [PREFILL=20000]
"""
import glob
import os
import sqlite3
import sys
import time

directory = sys.argv[1] if len(sys.argv) > 1 else "."
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
page_sizes = [int(n) for n in (sys.argv[4] if len(sys.argv) > 4 else "4096,2048,1024").split(",")]
prefill = int(sys.argv[5]) if len(sys.argv) > 5 else 20000
migrations = sorted(glob.glob(os.path.join(os.path.dirname(__file__), "..", "..", "migrations", "*.sql")))
path = os.path.join(directory, "page-size.db")
now_ms = 1795000000000
INCIDENT = (
    "INSERT INTO incidents (title, summary, severity, service_id, labels, created_at, updated_at) "
    "VALUES (?, ?, 'sev2', 1, '{\"source\":\"bench\"}', ?, ?)"
)
EVENT = (
    "INSERT INTO timeline_events (incident_id, at, kind, actor, message, data) "
    "VALUES (?, ?, 'created', 'token:bench', 'opened', '{}')"
)


def remove():
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def fsync_rate():
    remove()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    commits, start = 0, time.perf_counter()
    while time.perf_counter() < start + seconds:
        connection.execute("BEGIN")
        connection.execute("INSERT INTO t (v) VALUES (?)", ("row %d" % commits,))
        connection.execute("COMMIT")
        commits += 1
    rate = commits / (time.perf_counter() - start)
    connection.close()
    remove()
    return rate


def create(connection, number):
    connection.execute("BEGIN IMMEDIATE")
    cursor = connection.execute(INCIDENT, ("Disk full on db-%d" % (number % 64), "incident %d" % number, now_ms, now_ms))
    connection.execute(EVENT, (cursor.lastrowid, now_ms))
    connection.execute("COMMIT")


def creates(page_size):
    remove()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute(f"PRAGMA page_size={page_size}")  # before WAL: a WAL file keeps its page size
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA foreign_keys=ON")
    for migration in migrations:
        connection.executescript("BEGIN;" + open(migration).read() + ";COMMIT;")
    connection.execute("PRAGMA synchronous=OFF")
    for number in range(prefill):
        create(connection, number)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA synchronous=FULL")
    # Frames per create: a few hundred creates with the checkpoint off, from the log's growth.
    connection.execute("PRAGMA wal_autocheckpoint=0")
    for number in range(300):
        create(connection, prefill + number)
    frames = (os.path.getsize(path + "-wal") - 32) / (page_size + 24) / 300
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.execute("PRAGMA wal_autocheckpoint=1000")
    count, start = 0, time.perf_counter()
    while time.perf_counter() < start + seconds:
        create(connection, prefill + 300 + count)
        count += 1
    rate = count / (time.perf_counter() - start)
    connection.close()
    remove()
    return rate, frames


for round_number in range(1, rounds + 1):
    before = fsync_rate()
    results = [(size, *creates(size)) for size in page_sizes]
    after = fsync_rate()
    baseline = (before + after) / 2
    text = " | ".join(
        f"{size} B pages: {rate:.0f} creates/s ({rate / baseline:.2f}), {frames:.1f} frames = {frames * (size + 24) / 1024:.1f} KiB"
        for size, rate, frames in results
    )
    print(f"round {round_number}: fsync {before:.0f}/{after:.0f} | {text}", flush=True)
