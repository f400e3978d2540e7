#!/usr/bin/env bash
# SQLite durability benchmark: the fsync rate (Python sqlite3 loop), then DatabasePool's sequential
# and group-committed durable writes on the same disk, in one run. Usage: bench/sqlite/run.sh [SECONDS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-3}"
dir="${2:-$(mktemp -d "${TMPDIR:-/tmp}/klaxon-sqlite-bench.XXXXXX")}"
mkdir -p "$dir"
swift build -c release --product SQLiteBench >/dev/null
echo "disk: $(df -h "$dir" | awk 'NR==2 {print $1, $6}')  sqlite: $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
rate=$(python3 bench/sqlite/fsync_rate.py "$dir" "$seconds" | awk '{print $2}')
echo "fsync_rate $rate"
.build/release/SQLiteBench "$dir" "$rate" "$seconds"
rate_after=$(python3 bench/sqlite/fsync_rate.py "$dir" "$seconds" | awk '{print $2}')
echo "fsync_rate_after $rate_after"
