#!/usr/bin/env bash
# Ingestion benchmark of the alert-ingestion issue: Alertmanager payloads of 10 alerts from 64 concurrent
# senders, durable (every 200 is answered after its transaction is on disk), against the fsync rate
# (bench/sqlite/fsync_rate.py) measured just before and just after each run on the same disk.
# Targets: >= 20,000 alerts/s, and >= 8 x the fsync rate.
#   storm:  every request is a new alert group -> a new incident and 10 new alerts each;
#   resend: 64 groups per wrk thread re-sent over and over (Alertmanager's group_interval re-sends).
# Usage: bench/ingest.sh [--duration S=10] [--runs N=3] [--connections C=64] [--dir DIR] [--modes storm,resend]
#                        [--binary PATH]   (a klaxon binary to measure instead of building this checkout's release)
# Everything targets 127.0.0.1; every wrk run is bounded (-d); only the servers started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
runs=3
connections=64
dir=
modes="storm resend"
binary=
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --modes) modes=${2//,/ }; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
command -v sqlite3 >/dev/null || { apt-get update && apt-get install -y sqlite3; }
command -v jq >/dev/null || { apt-get update && apt-get install -y jq; }
if [ -n "$binary" ]; then
    klaxon=$(realpath "$binary")
else
    swift build -c release --product klaxon >/dev/null
    klaxon="$(swift build -c release --show-bin-path)/klaxon"
fi
if [ -z "$dir" ]; then dir=$(mktemp -d "${TMPDIR:-/tmp}/klaxon-ingest-bench.XXXXXX"); fi
mkdir -p "$dir"
export KLAXON_ADMIN_TOKEN="klx_bench_0123456789abcdefghijklmnopqrstuvwxyz"
auth="Authorization: Bearer $KLAXON_ADMIN_TOKEN"
results="$dir/results.txt"
: > "$results"

source bench/lib.sh

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); disk $(df -h "$dir" | awk 'NR==2 {print $1, $6}'); sqlite $(sqlite3 --version | cut -d' ' -f1)"
echo "binary: $klaxon"
echo "mode alerts/s requests/s p50_ms p99_ms non2xx fsync_rate ratio stored_alerts stored_incidents cpu_s requests_per_cpu_s acknowledged"
for round in $(seq "$runs"); do
    for mode in $modes; do
        db="$dir/ingest-$mode-$round.db"
        rm -f "$db" "$db-wal" "$db-shm"
        fsync_before=$(python3 bench/sqlite/fsync_rate.py "$dir" 3 | awk '{print $2}')
        start_server "$db" "$dir/serve-$mode-$round.log" --ingest-rate-limit 0  # one key stands for a fleet here
        key=$(curl -fsS -X POST -H "$auth" -H 'Content-Type: application/json' -d '{"name": "checkout"}' \
            "http://127.0.0.1:$port/api/v1/services" | jq -r .integration_key)
        out="$dir/wrk-$mode-$round.txt"
        before=$(cpu_ticks)
        KLAXON_BENCH_MODE=$mode wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency \
            -s bench/ingest/alertmanager.lua "http://127.0.0.1:$port/api/v1/integrations/alertmanager/$key" > "$out"
        after=$(cpu_ticks)
        stop_server
        fsync_after=$(python3 bench/sqlite/fsync_rate.py "$dir" 3 | awk '{print $2}')
        stored_alerts=$(sqlite3 "$db" 'SELECT count(*) FROM alerts')
        stored_incidents=$(sqlite3 "$db" 'SELECT count(*) FROM incidents')
        python3 - "$out" "$mode" "$fsync_before" "$fsync_after" "$before" "$after" "$(getconf CLK_TCK)" \
            "$stored_alerts" "$stored_incidents" >> "$results" <<'PY'
import re, sys
out, mode = open(sys.argv[1]).read(), sys.argv[2]
fsync = (float(sys.argv[3]) + float(sys.argv[4])) / 2
cpu = (int(sys.argv[6]) - int(sys.argv[5])) / int(sys.argv[7])
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def ms(tag):
    m = re.search(rf"^\s+{tag}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
total = int(re.search(r"(\d+) requests in", out).group(1))
# Acknowledged: the 200s. In a storm each is one new incident of 10 alerts, so the stored counts must match.
acknowledged = total - (int(bad.group(1)) if bad else 0)
alerts = rate * 10
print(mode, f"{alerts:.0f}", f"{rate:.1f}", f"{ms('50'):.2f}", f"{ms('99'):.2f}", bad.group(1) if bad else 0,
      f"{fsync:.0f}", f"{alerts / fsync:.2f}", sys.argv[8], sys.argv[9], f"{cpu:.1f}",
      f"{total / cpu:.0f}" if cpu else "nan", acknowledged)
PY
        tail -n1 "$results"
        rm -f "$db" "$db-wal" "$db-shm"
    done
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
print()
print("summary (medians over rounds; each ratio uses the fsync rate measured around its own run)")
for mode in ("storm", "resend"):
    mine = [r for r in rows if r[0] == mode]
    if not mine: continue
    med = lambda i: statistics.median(float(r[i]) for r in mine)
    print(f"{mode}: {med(1):,.0f} alerts/s ({med(2):,.0f} requests/s, {med(11):,.0f} per server CPU-s), p99 {med(4):.1f} ms, "
          f"fsync rate {med(6):,.0f}/s, ratio {med(7):.1f} (rounds {', '.join(r[7] for r in mine)}); "
          "targets >= 20,000 alerts/s and >= 8")
PY
