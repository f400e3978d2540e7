#!/usr/bin/env bash
# Two klaxon builds on the same load in the same minutes, alternating, so the noise of a shared machine
# falls on both: (a) GET /healthz, (b) GET /api/v1/incidents/{random id} on a seeded database, (d) durable
# POST /api/v1/incidents from C clients on a fresh database (bracketed by the fsync rate). Per figure: req/s,
# p99 and requests per server CPU-second; then medians and the ratio new/old of each.
# Usage: bench/api-compare.sh --old BINARY --new BINARY --seeded DB [--dir DIR] [--duration S=5] [--rounds N=3]
#                             [--connections C=64] [--skip-reads] [--skip-creates]
# DB is a file seeded by bench/api.sh (bench/api/seed.sh); each build reads its own copy in DIR (a server
# migrates the file it opens, and the original stays untouched). Copies are made once and kept in DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
old= new= seeded= dir= duration=5 rounds=3 connections=64 reads=1 creates=1
while [ $# -gt 0 ]; do
    case "$1" in
        --old) old=$2; shift 2 ;;
        --new) new=$2; shift 2 ;;
        --seeded) seeded=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --skip-reads) reads=0; shift ;;
        --skip-creates) creates=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -x "$old" ] && [ -x "$new" ] || { echo "--old and --new must name klaxon binaries" >&2; exit 2; }
[ "$reads" = 0 ] || [ -f "$seeded" ] || { echo "--seeded must name a seeded database (bench/api.sh)" >&2; exit 2; }
if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/klaxon-api-compare.XXXXXX"); fi
mkdir -p "$dir"
export KLAXON_ADMIN_TOKEN="klx_bench_0123456789abcdefghijklmnopqrstuvwxyz"
export KLAXON_BENCH_MAX_ID=${KLAXON_BENCH_MAX_ID:-1000000}
auth="Authorization: Bearer $KLAXON_ADMIN_TOKEN"
results="$dir/results.txt"
: > "$results"
source bench/lib.sh

# measure BUILD NAME PATH [wrk options...]: one bounded wrk run against the running server; appends
# "BUILD NAME rate p99_ms non2xx req_per_cpu_s".
measure() {
    local build=$1 name=$2 path=$3; shift 3
    local out="$dir/wrk-$build-$name.txt" before after
    before=$(cpu_ticks)
    wrk -t2 -c"$connections" -d"${duration}s" --timeout 5s --latency "$@" "http://127.0.0.1:$port$path" > "$out"
    after=$(cpu_ticks)
    python3 - "$out" "$build" "$name" "$duration" "$before" "$after" "$(getconf CLK_TCK)" >> "$results" <<'PY'
import re, sys
out, build, name, duration, before, after, tck = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], float(sys.argv[4]), *map(int, sys.argv[5:8])
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\b", out, re.M)
p99 = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
cpu = max((after - before) / tck, 1e-9)
print(build, name, f"{rate:.1f}", f"{p99:.3f}", bad.group(1) if bad else 0, f"{rate * duration / cpu:.0f}")
PY
    tail -n1 "$results"
}

binary() { if [ "$1" = old ]; then echo "$old"; else echo "$new"; fi; }
# Odd rounds run the old build first, even rounds the new one.
order() { if [ $(( $1 % 2 )) = 1 ]; then echo "old new"; else echo "new old"; fi; }

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); old $old; new $new"
if [ "$reads" = 1 ]; then
    for build in old new; do
        if [ ! -f "$dir/$build.db" ]; then
            for suffix in "" -wal .key; do
                if [ -f "$seeded$suffix" ]; then cp --reflink=auto "$seeded$suffix" "$dir/$build.db$suffix"; fi
            done
        fi
    done
    for round in $(seq "$rounds"); do
        for build in $(order "$round"); do
            klaxon=$(binary "$build")
            start_server "$dir/$build.db" "$dir/serve-$build.log"
            curl -fsS -H "$auth" "http://127.0.0.1:$port/api/v1/incidents/1" >/dev/null
            wrk -t2 -c"$connections" -d2s -H "$auth" -s bench/api/random_id.lua "http://127.0.0.1:$port/" >/dev/null
            measure "$build" healthz /healthz
            measure "$build" by_id / -H "$auth" -s bench/api/random_id.lua
            stop_server
        done
    done
fi
if [ "$creates" = 1 ]; then
    for round in $(seq "$rounds"); do
        for build in $(order "$round"); do
            klaxon=$(binary "$build")
            fresh="$dir/fresh-$build.db"
            rm -f "$fresh" "$fresh-wal" "$fresh-shm"
            echo "$build fsync $(python3 bench/sqlite/fsync_rate.py "$dir" 2 | awk '{print $2}')" >> "$results"
            start_server "$fresh" "$dir/serve-fresh-$build.log"
            measure "$build" create /api/v1/incidents -H "$auth" -s bench/api/create.lua
            stop_server
            echo "$build fsync $(python3 bench/sqlite/fsync_rate.py "$dir" 2 | awk '{print $2}')" >> "$results"
            echo "  $build: stored incidents $(sqlite3 "$fresh" 'SELECT count(*) FROM incidents'), fsync rates around it $(grep "^$build fsync" "$results" | tail -n2 | awk '{print $3}' | paste -sd/)"
            rm -f "$fresh" "$fresh-wal" "$fresh-shm"
        done
    done
fi

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
med = statistics.median
def column(build, name, index):
    return [float(r[index]) for r in rows if r[0] == build and r[1] == name]
print()
print("summary: medians over rounds; ratio = new / old (above 1: the new build is faster or cheaper)")
for name in ("healthz", "by_id", "create"):
    if not column("old", name, 2):
        continue
    parts = []
    for label, index in (("req/s", 2), ("p99 ms", 3), ("req per server CPU-s", 5)):
        o, n = med(column("old", name, index)), med(column("new", name, index))
        parts.append(f"{label} {o:,.1f} -> {n:,.1f} ({n / o:.2f})")
    print(f"{name}: " + "; ".join(parts))
    bad = sum(int(r[4]) for r in rows if r[1] == name and len(r) > 5)
    if bad:
        print(f"  non-2xx answers: {bad}")
if column("old", "by_id", 2):
    for build in ("old", "new"):
        ratios = [b / h for b, h in zip(column(build, "by_id", 2), column(build, "healthz", 2))]
        print(f"(b)/(a) {build}: {med(ratios):.2f} (rounds {', '.join(f'{x:.2f}' for x in ratios)})")
if column("old", "create", 2):
    fsync = [float(r[2]) for r in rows if r[1] == "fsync"]
    print(f"fsync rate around the create runs: median {med(fsync):,.0f}/s (range {min(fsync):,.0f}-{max(fsync):,.0f})")
    for build in ("old", "new"):
        rates = [float(r[2]) for r in rows if r[0] == build and r[1] == "fsync"]
        pairs = [(rates[i] + rates[i + 1]) / 2 for i in range(0, len(rates) - 1, 2)]
        ratios = [c / f for c, f in zip(column(build, "create", 2), pairs)]
        print(f"creates over the fsync rate {build}: {med(ratios):.2f} (rounds {', '.join(f'{x:.2f}' for x in ratios)})")
PY
