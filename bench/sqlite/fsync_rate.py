#!/usr/bin/env python3
"""The fsync rate: durable single-row commits per second of a minimal sqlite3 loop.

WAL, synchronous=FULL, one row per transaction, for about SECONDS seconds, in a fresh file in DIR
(put DIR on the disk the benchmark uses). Prints `fsync_rate <commits/s>`.
"""
import os
import sqlite3
import sys
import time

directory = sys.argv[1] if len(sys.argv) > 1 else "."
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 3.0
path = os.path.join(directory, "fsync-rate.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)

connection = sqlite3.connect(path, isolation_level=None)
connection.execute("PRAGMA journal_mode=WAL")
connection.execute("PRAGMA synchronous=FULL")
connection.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
commits = 0
start = time.perf_counter()
deadline = start + seconds
while time.perf_counter() < deadline:
    connection.execute("BEGIN")
    connection.execute("INSERT INTO t (v) VALUES (?)", ("row %d" % commits,))
    connection.execute("COMMIT")
    commits += 1
elapsed = time.perf_counter() - start
connection.close()
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
print("fsync_rate %.0f" % (commits / elapsed))
