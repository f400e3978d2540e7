#!/usr/bin/env bash
# API benchmark of the incident API issue, all in one run:
#   (a) GET /healthz rate; (b) GET /api/v1/incidents/{random id} on 1,000,000 incidents, ratio to (a)
#   (target >= 0.5); (c) GET /api/v1/incidents?status=open&severity=sev1 first page, p99 (target < 5 ms);
#   (d) POST /api/v1/incidents, 64 clients, durable creates/s on a fresh database over the fsync rate
#   (bench/sqlite/fsync_rate.py, measured just before and just after each POST run; target >= 5);
#   then ../shared/bench/compare.py for (b) against hb2 and nginx (which answer GET /plaintext).
# Usage: bench/api.sh [--duration S] [--runs N] [--dir DIR] [--incidents N] [--connections C] [--skip-compare]
#                     [--klaxon BINARY]
# DIR keeps the seeded database between runs (seeding takes minutes); default: a fresh temp folder.
# --klaxon runs that binary instead of building this checkout (to compare two builds; see api-compare.sh).
# Everything targets 127.0.0.1, every wrk run is bounded (-d), and only the servers started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
runs=3
dir=
incidents=1000000
connections=64
compare=1
klaxon=
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --incidents) incidents=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --skip-compare) compare=0; shift ;;
        --klaxon) klaxon=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }
if [ -z "$klaxon" ]; then
    swift build -c release --product klaxon >/dev/null
    klaxon="$(swift build -c release --show-bin-path)/klaxon"
fi
if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/klaxon-api-bench.XXXXXX"); fi
mkdir -p "$dir"
export KLAXON_ADMIN_TOKEN="klx_bench_0123456789abcdefghijklmnopqrstuvwxyz"
export KLAXON_BENCH_MAX_ID=$incidents
auth="Authorization: Bearer $KLAXON_ADMIN_TOKEN"
results="$dir/results.txt"
: > "$results"

source bench/lib.sh
# run_wrk NAME PATH [wrk options...]: one bounded wrk run; appends "NAME rate p50_ms p99_ms non2xx req_per_cpu_s".
run_wrk() {
    local name=$1 path=$2; shift 2
    local out="$dir/wrk-$name.txt" before after
    before=$(cpu_ticks)
    wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${duration}s" --timeout 5s --latency "$@" "http://127.0.0.1:$port$path" > "$out"
    after=$(cpu_ticks)
    python3 - "$out" "$name" "$duration" "$before" "$after" "$(getconf CLK_TCK)" >> "$results" <<'PY'
import re, sys
out, name, duration, before, after, tck = open(sys.argv[1]).read(), sys.argv[2], float(sys.argv[3]), *map(int, sys.argv[4:7])
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def ms(tag):
    m = re.search(rf"^\s+{tag}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
cpu = max((after - before) / tck, 1e-9)
print(name, f"{rate:.1f}", f"{ms('50'):.3f}", f"{ms('99'):.3f}", bad.group(1) if bad else 0, f"{rate * duration / cpu:.0f}")
PY
    tail -n1 "$results"
}

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); disk $(df -h "$dir" | awk 'NR==2 {print $1, $6}'); sqlite $(sqlite3 --version | cut -d' ' -f1)"

# The seeded database, built once per DIR.
seeded="$dir/seeded-$incidents.db"
if [ ! -f "$seeded.done" ]; then
    rm -f "$seeded" "$seeded-wal" "$seeded-shm"
    "$klaxon" migrate --db "$seeded" >/dev/null
    start=$(date +%s)
    bench/api/seed.sh "$seeded" "$incidents"
    touch "$seeded.done"
    echo "seeded $incidents incidents in $(( $(date +%s) - start )) s ($(du -h "$seeded" | cut -f1))"
fi
echo "database: $(sqlite3 "$seeded" "SELECT count(*) || ' incidents, ' || sum(status IN ('triggered','acknowledged','mitigated')) || ' open, ' || sum(status IN ('triggered','acknowledged','mitigated') AND severity = 'sev1') || ' open sev1' FROM incidents")"

# (a), (b), (c): one server on the seeded database, the three loads alternating, RUNS rounds.
start_server "$seeded" "$dir/serve-seeded.log"
curl -fsS -H "$auth" "http://127.0.0.1:$port/api/v1/incidents/1" >/dev/null
curl -fsS -H "$auth" "http://127.0.0.1:$port/api/v1/incidents?status=open&severity=sev1" >/dev/null
wrk -t2 -c"$connections" -d2s -H "$auth" -s bench/api/random_id.lua "http://127.0.0.1:$port/" >/dev/null  # warm-up
echo "name req/s p50_ms p99_ms non2xx req_per_server_cpu_s   ($connections connections, ${duration}s each)"
for round in $(seq "$runs"); do
    run_wrk healthz /healthz
    run_wrk by_id / -H "$auth" -s bench/api/random_id.lua
    run_wrk list_open_sev1 "/api/v1/incidents?status=open&severity=sev1" -H "$auth"
done
# The same list from one connection: its latency without queueing behind 63 other clients.
saved=$connections; connections=1
run_wrk list_open_sev1_one_connection "/api/v1/incidents?status=open&severity=sev1" -H "$auth"
connections=$saved
stop_server

# (d): durable creates on a fresh database per round, bracketed by the fsync rate on the same disk.
for round in $(seq "$runs"); do
    fresh="$dir/fresh-$round.db"
    rm -f "$fresh" "$fresh-wal" "$fresh-shm"
    echo "fsync_before $(python3 bench/sqlite/fsync_rate.py "$dir" 3 | awk '{print $2}')" >> "$results"
    start_server "$fresh" "$dir/serve-fresh-$round.log"
    run_wrk create /api/v1/incidents -H "$auth" -s bench/api/create.lua
    stop_server
    echo "fsync_after $(python3 bench/sqlite/fsync_rate.py "$dir" 3 | awk '{print $2}')" >> "$results"
    echo "fsync rates around it: $(grep fsync_ "$results" | tail -n2 | awk '{print $2}' | paste -sd/), stored incidents $(sqlite3 "$fresh" 'SELECT count(*) FROM incidents')"
    rm -f "$fresh" "$fresh-wal" "$fresh-shm"
done

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
by = {}
for r in rows:
    by.setdefault(r[0], []).append(r[1:])
med = statistics.median
health = [float(r[0]) for r in by["healthz"]]
byid = [float(r[0]) for r in by["by_id"]]
ratios = [b / h for b, h in zip(byid, health)]
lst = by["list_open_sev1"]
print()
print("summary (medians over rounds; ratios taken per round)")
print(f"(a) GET /healthz: {med(health):,.0f} req/s ({med(float(r[4]) for r in by['healthz']):,.0f} per server CPU-s)")
print(f"(b) GET /api/v1/incidents/{{random id}}: {med(byid):,.0f} req/s, p99 {med(float(r[2]) for r in by['by_id']):.2f} ms, "
      f"{med(float(r[4]) for r in by['by_id']):,.0f} per server CPU-s; ratio to (a) {med(ratios):.2f} "
      f"(rounds {', '.join(f'{x:.2f}' for x in ratios)}), target >= 0.5")
print(f"(c) GET /api/v1/incidents?status=open&severity=sev1: {med(float(r[0]) for r in lst):,.0f} req/s, "
      f"p50 {med(float(r[1]) for r in lst):.2f} ms, p99 {med(float(r[2]) for r in lst):.2f} ms "
      f"(rounds {', '.join(r[2] for r in lst)}), target < 5 ms")
one = by["list_open_sev1_one_connection"][0]
print(f"    the same from 1 connection: {float(one[0]):,.0f} req/s, p50 {float(one[1]):.2f} ms, p99 {float(one[2]):.2f} ms; "
      f"at 64 connections a closed loop has p50 ~ 64 / rate, so p99 < 5 ms needs more than 12,800 pages/s")
creates = [float(r[0]) for r in by["create"]]
fs = [(float(b[0]) + float(a[0])) / 2 for b, a in zip(by["fsync_before"], by["fsync_after"])]
cr = [c / f for c, f in zip(creates, fs)]
print(f"(d) POST /api/v1/incidents, durable: {med(creates):,.0f} creates/s, p99 {med(float(r[2]) for r in by['create']):.2f} ms; "
      f"fsync rate {med(fs):,.0f}/s (range {min(float(r[0]) for k in ('fsync_before', 'fsync_after') for r in by[k]):,.0f}-"
      f"{max(float(r[0]) for k in ('fsync_before', 'fsync_after') for r in by[k]):,.0f}); ratio {med(cr):.2f} "
      f"(rounds {', '.join(f'{x:.2f}' for x in cr)}), target >= 5")
bad = sum(int(r[3]) for k in ("by_id", "list_open_sev1", "list_open_sev1_one_connection", "create", "healthz") for r in by[k])
print(f"non-2xx answers over all runs: {bad}")
PY

if [ "$compare" = 1 ]; then
    echo
    echo "== compare.py: GET /api/v1/incidents/1 on the seeded database vs the peers' GET /plaintext"
    python3 ../shared/bench/compare.py \
        --klaxon "$klaxon serve --port {port} --db $seeded --public Public" \
        --path /api/v1/incidents/1 --header "$auth" \
        --peers hb2,nginx --conns "$connections" --duration "$duration" --runs "$runs"
fi
