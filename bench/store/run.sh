#!/usr/bin/env bash
# Incident-store benchmark: the fsync rate (Python sqlite3 loop), then the repositories' durable creates
# (single and 64 concurrent), then reads and lists on a database of 1,000,000 incidents (built once in DIR
# and kept for later runs). Usage: bench/store/run.sh [SECONDS] [DIR] [INCIDENTS]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-3}"
dir="${2:-$(mktemp -d "${TMPDIR:-/tmp}/klaxon-store-bench.XXXXXX")}"
incidents="${3:-1000000}"
mkdir -p "$dir"
swift build -c release --product StoreBench >/dev/null
echo "disk: $(df -h "$dir" | awk 'NR==2 {print $1, $6}')  sqlite: $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')"
rate=$(python3 bench/sqlite/fsync_rate.py "$dir" "$seconds" | awk '{print $2}')
echo "fsync_rate $rate"
.build/release/StoreBench "$dir" "$rate" "$seconds" "$incidents"
rate_after=$(python3 bench/sqlite/fsync_rate.py "$dir" "$seconds" | awk '{print $2}')
echo "fsync_rate_after $rate_after"
