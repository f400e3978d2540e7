#!/usr/bin/env bash
# SQLite durability benchmark on one disk. The disk is shared and its fsync rate drifts by a factor of
# several within seconds, so each pool measurement is bracketed by two measurements of the fsync rate
# (a minimal Python sqlite3 loop: WAL, synchronous=FULL, one row per transaction) and compared with
# their mean; ROUNDS rounds, and the medians are reported.
# Usage: bench/sqlite/run.sh [SECONDS_PER_MEASUREMENT] [ROUNDS] [DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-2}"
rounds="${2:-5}"
dir="${3:-$(mktemp -d "${TMPDIR:-/tmp}/klaxon-sqlite-bench.XXXXXX")}"
mkdir -p "$dir"
swift build -c release --product SQLiteBench >/dev/null
bench=.build/release/SQLiteBench
fsync() { python3 bench/sqlite/fsync_rate.py "$dir" "$seconds" | awk '{print $2}'; }

echo "disk: $(df -h "$dir" | awk 'NR==2 {print $1, $6}')  sqlite: $(python3 -c 'import sqlite3; print(sqlite3.sqlite_version)')  load: $(cut -d' ' -f1-3 /proc/loadavg)"
results=$(mktemp)
for round in $(seq 1 "$rounds"); do
    for mode in single concurrent direct; do
        before=$(fsync)
        line=$("$bench" "$mode" "$dir" "$seconds")
        after=$(fsync)
        echo "round $round: fsync $before / $after  $line"
        echo "$mode $before $after $line" >> "$results"
    done
done

python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    fields = line.split()
    mode, before, after = fields[0], float(fields[1]), float(fields[2])
    values = dict(zip(fields[4::2], map(float, fields[5::2])))
    baseline = (before + after) / 2
    rows.setdefault(mode, []).append((baseline, values))
def median(xs): return statistics.median(xs)
print()
print("median over rounds (ratio = writes/s over the mean of the fsync rates just before and after)")
fsyncs = [b for mode in rows for b, _ in rows[mode]]
print(f"fsync rate (Python sqlite3 loop): median {median(fsyncs):.0f}/s, range {min(fsyncs):.0f}-{max(fsyncs):.0f}")
for mode, target, extra in (("direct", None, False), ("single", 0.8, False), ("concurrent", 10, True)):
    if mode not in rows: continue
    rates = [v["writes_per_s"] for _, v in rows[mode]]
    ratios = [v["writes_per_s"] / b for b, v in rows[mode]]
    text = f"{mode:10s} writes/s median {median(rates):.0f}, ratio to fsync rate median {median(ratios):.2f}"
    text += f" (range {min(ratios):.2f}-{max(ratios):.2f})"
    if target: text += f", target >= {target}"
    if extra:
        per = [v["callers_per_commit"] for _, v in rows[mode]]
        text += f"; callers per commit median {median(per):.1f} (target >= 8)"
    print(text)
PY
rm -f "$results"
