#!/usr/bin/env python3
"""What the size of a commit costs on this disk: the fsync-rate loop, but each commit touching N pages.

The fsync rate (fsync_rate.py) commits one small row per transaction, one dirty page. A durable create of
Klaxon writes one incident and its first timeline event, which with the list indexes the incident API asks
for dirties about a dozen pages (the table, ten indexes, the label side table, the timeline and its two
indexes). This loop commits one row into each of N tables per transaction (N dirty pages, no index) and
prints commits/s and the ratio to N=1 in the same run: the ceiling a commit of that size has on this disk,
however little CPU the writer spends.

Usage: pages_per_commit.py [DIR=.] [SECONDS=3] [PAGES=1,4,12,24]
"""
import os
import sqlite3
import sys
import time

directory = sys.argv[1] if len(sys.argv) > 1 else "."
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
page_counts = [int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "1,4,12,24").split(",")]
path = os.path.join(directory, "pages-per-commit.db")


def remove():
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def measure(pages):
    remove()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for table in range(pages):
        connection.execute(f"CREATE TABLE t{table} (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    inserts = [f"INSERT INTO t{table} (v) VALUES (?)" for table in range(pages)]
    commits = 0
    start = time.perf_counter()
    while time.perf_counter() < start + seconds:
        connection.execute("BEGIN")
        for insert in inserts:
            connection.execute(insert, ("row %d" % commits,))
        connection.execute("COMMIT")
        commits += 1
    rate = commits / (time.perf_counter() - start)
    connection.close()
    remove()
    return rate


baseline = None
for pages in page_counts:
    rate = measure(pages)
    baseline = baseline or rate
    print("pages_per_commit %d commits_per_s %.0f ratio_to_first %.2f" % (pages, rate, rate / baseline))
