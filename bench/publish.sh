#!/usr/bin/env bash
# The published benchmark of issue 11, in one run (bench/README.md, "Published benchmark"):
#
#   Part 1, side by side: ../shared/bench/compare.py runs the same wrk load against Klaxon and the peers
#   (hb2 = Hummingbird 2, nginx; FlyingFox through hb2, see below) and prints medians and Klaxon's ratios:
#     1. GET /healthz                                   (64 and 256 connections)
#     2. GET /api/v1/incidents/1                        (1,000,000 stored incidents, bearer token)
#     3. GET /api/v1/incidents?status=open&severity=sev1 (the same database, first page of 50)
#     4. POST /api/v1/incidents                         (durable creates on a fresh database)
#     5. POST /api/v1/integrations/alertmanager/{key}   (a version 4 payload of 10 firing alerts; alerts/s = 10 x req/s)
#   The peers answer GET /plaintext for 1-3 and POST /echo (decoding a ~300-byte JSON alert) for 4-5: the
#   ratios say what Klaxon's real work costs against a server doing almost none, on the same machine, same run.
#
#   Part 2, growth: the same Klaxon loads (by random id, the open sev1 list, the newest page, creates, and
#   an Alertmanager storm of new groups) on databases of 10,000, 100,000 and 1,000,000 seeded incidents
#   (bench/api/seed.sh), one server per size: requests/s, p50/p99, requests per server CPU-second, resident
#   memory after the loads, database size.
#
# Usage: bench/publish.sh [--duration S=10] [--runs N=3] [--dir DIR] [--sizes 10000,100000,1000000]
#                         [--skip-compare] [--skip-growth]
# DIR keeps the seeded databases between runs (default /tmp/klaxon-publish-bench). Everything targets
# 127.0.0.1, every wrk run is bounded, and only the servers started here are stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
runs=3
dir=/tmp/klaxon-publish-bench
sizes=10000,100000,1000000
compare=1
growth=1
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --skip-compare) compare=0; shift ;;
        --skip-growth) growth=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

for tool in wrk sqlite3 jq; do command -v $tool >/dev/null || { apt-get update && apt-get install -y $tool; }; done
[ -x /usr/sbin/nginx ] || { apt-get update && apt-get install -y nginx-light; }
swift build -c release --product klaxon >/dev/null
klaxon="$(swift build -c release --show-bin-path)/klaxon"
mkdir -p "$dir"
export KLAXON_ADMIN_TOKEN="klx_bench_0123456789abcdefghijklmnopqrstuvwxyz"
auth="Authorization: Bearer $KLAXON_ADMIN_TOKEN"
compare_py=../shared/bench/compare.py
source bench/lib.sh

echo "machine: $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); $(uname -r); sqlite $(sqlite3 --version | cut -d' ' -f1); klaxon $(git rev-parse --short HEAD)"

# seeded SIZE: prints the path of a migrated database holding SIZE seeded incidents, built once per DIR.
seeded() {
    local size=$1 db="$dir/seeded-$1.db"
    if [ ! -f "$db.done" ]; then
        rm -f "$db" "$db-wal" "$db-shm"
        "$klaxon" migrate --db "$db" >/dev/null
        bench/api/seed.sh "$db" "$size" >&2
        touch "$db.done"
    fi
    echo "$db"
}
# fresh_copy SRC NAME: a copy of a seeded database that a run may change; prints its path.
fresh_copy() {
    local copy="$dir/$2.db"
    rm -f "$copy" "$copy-wal" "$copy-shm"
    cp "$1" "$copy"
    echo "$copy"
}
# The Alertmanager body of compare.py's ingestion load: one group of 10 firing alerts, sent again and again
# (as Alertmanager re-sends a group every group_interval: the alerts' last-seen times are updated).
alert_body="$dir/alertmanager-10.json"
python3 - "$alert_body" <<'PY'
import json, sys
alerts = [{"status": "firing",
           "labels": {"alertname": "HighLatency", "service": "bench-alerts", "instance": f"i-{i}",
                      "severity": "critical" if i == 0 else "warning"},
           "annotations": {"summary": "Checkout latency above 2s", "description": f"p99 latency on i-{i}"},
           "startsAt": "2026-11-27T08:00:00.000Z", "endsAt": "0001-01-01T00:00:00Z",
           "generatorURL": "http://prometheus.example:9090/graph?g0.expr=latency", "fingerprint": f"f00d{i:012x}"}
          for i in range(10)]
body = {"version": "4", "groupKey": '{}:{alertname="HighLatency"}', "truncatedAlerts": 0, "status": "firing",
        "receiver": "klaxon", "groupLabels": {"alertname": "HighLatency"},
        "commonLabels": {"alertname": "HighLatency", "service": "bench-alerts"},
        "commonAnnotations": {"summary": "Checkout latency above 2s"},
        "externalURL": "http://alertmanager.example:9093", "alerts": alerts}
open(sys.argv[1], "w").write(json.dumps(body))
PY
create_body="$dir/create.json"
echo '{"title": "Checkout latency over SLO", "severity": "sev2", "summary": "p99 above 800 ms for 5 minutes in eu-west-1", "labels": {"team": "payments", "region": "eu-west-1", "env": "prod"}}' > "$create_body"

# new_service DB: creates the service `bench-alerts` in DB through a short-lived server; prints its integration key.
new_service() {
    local answer
    start_server "$1" "$dir/serve-setup.log"
    answer=$(curl -sS -X POST -H "$auth" -H 'Content-Type: application/json' -d '{"name": "bench-alerts"}' \
        "http://127.0.0.1:$port/api/v1/services")
    stop_server
    jq -er .integration_key <<<"$answer" || { echo "could not create the service: $answer" >&2; return 1; }
}

if [ "$compare" = 1 ]; then
    big=$(seeded 1000000)
    serve="$klaxon serve --port {port} --public Public --ingest-rate-limit 0 --db"
    section() { echo; echo "== $*"; }
    section "1. GET /healthz"
    python3 "$compare_py" --klaxon "$serve $dir/compare-healthz.db" --path /healthz \
        --peers hb2,nginx --conns 64,256 --duration "$duration" --runs "$runs"
    copy=$(fresh_copy "$big" compare-read)
    section "2. GET /api/v1/incidents/1 on 1,000,000 incidents"
    python3 "$compare_py" --klaxon "$serve $copy" --path /api/v1/incidents/1 --header "$auth" \
        --peers hb2,nginx --conns 64 --duration "$duration" --runs "$runs"
    section "3. GET /api/v1/incidents?status=open&severity=sev1 on 1,000,000 incidents"
    python3 "$compare_py" --klaxon "$serve $copy" --path "/api/v1/incidents?status=open&severity=sev1" \
        --header "$auth" --peers hb2,nginx --conns 64 --duration "$duration" --runs "$runs"
    fresh="$dir/compare-create.db"; rm -f "$fresh" "$fresh-wal" "$fresh-shm"
    section "4. POST /api/v1/incidents (durable)"
    python3 "$compare_py" --klaxon "$serve $fresh" --path /api/v1/incidents --method POST --body "$create_body" \
        --header "$auth" --peers hb2,nginx --conns 64 --duration "$duration" --runs "$runs"
    echo "stored incidents: $(sqlite3 "$fresh" 'SELECT count(*) FROM incidents')"
    fresh="$dir/compare-ingest.db"; rm -f "$fresh" "$fresh-wal" "$fresh-shm"
    key=$(new_service "$fresh") || exit 1
    section "5. POST /api/v1/integrations/alertmanager/{key}, 10 alerts per request (durable)"
    python3 "$compare_py" --klaxon "$serve $fresh" --path "/api/v1/integrations/alertmanager/$key" --method POST \
        --body "$alert_body" --peers hb2,nginx --conns 64 --duration "$duration" --runs "$runs"
    echo "stored alerts: $(sqlite3 "$fresh" 'SELECT count(*) FROM alerts'), incidents: $(sqlite3 "$fresh" 'SELECT count(*) FROM incidents')"
    # FlyingFox: compare.py builds each peer in /tmp/klaxon-bench/<name>, and the folder name `flyingfox` gives
    # the root package the identity of its FlyingFox dependency, so SwiftPM drops the dependency. The same
    # sources are built in ff-peer and measured as the server under test against hb2; Klaxon's ratio to
    # FlyingFox is then (Klaxon / hb2) / (FlyingFox / hb2).
    ff=/tmp/klaxon-bench/ff-peer
    mkdir -p "$ff"; cp -r ../shared/bench/peers/flyingfox/. "$ff/"
    (cd "$ff" && swift build -c release >/dev/null)
    ffexe="$(cd "$ff" && swift build -c release --show-bin-path)/FFPeer"
    section "FlyingFox GET /plaintext, measured against hb2"
    python3 "$compare_py" --klaxon "$ffexe" --path /plaintext --ready-path /plaintext --peers hb2 \
        --conns 64 --duration "$duration" --runs "$runs"
    section "FlyingFox POST /echo, measured against hb2"
    python3 "$compare_py" --klaxon "$ffexe" --path /echo --ready-path /plaintext --method POST \
        --body ../shared/bench/peers/alert.json --peers hb2 --conns 64 --duration "$duration" --runs "$runs"
fi

if [ "$growth" = 1 ]; then
    results="$dir/growth.txt"
    : > "$results"
    # run_wrk SIZE NAME PATH [wrk options...]: one bounded wrk run at 64 connections; appends a result row.
    run_wrk() {
        local size=$1 name=$2 path=$3; shift 3
        local out="$dir/wrk-growth.txt" before after
        before=$(cpu_ticks)
        wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency "$@" "http://127.0.0.1:$port$path" > "$out"
        after=$(cpu_ticks)
        python3 - "$out" "$size" "$name" "$duration" "$before" "$after" "$(getconf CLK_TCK)" >> "$results" <<'PY'
import re, sys
out, size, name, duration, before, after, tck = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3], float(sys.argv[4]), *map(int, sys.argv[5:8])
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def ms(tag):
    m = re.search(rf"^\s+{tag}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
cpu = max((after - before) / tck, 1e-9)
print(size, name, f"{rate:.1f}", f"{ms('50'):.3f}", f"{ms('99'):.3f}", bad.group(1) if bad else 0, f"{rate * duration / cpu:.0f}")
PY
        tail -n1 "$results"
    }
    echo
    echo "== growth: size load req/s p50_ms p99_ms non2xx req_per_server_cpu_s (64 connections, ${duration}s each)"
    for size in ${sizes//,/ }; do
        db=$(fresh_copy "$(seeded "$size")" "growth-$size")
        key=$(new_service "$db") || exit 1
        start_server "$db" "$dir/serve-growth-$size.log" --ingest-rate-limit 0
        wrk -t2 -c64 -d2s -H "$auth" -s bench/api/random_id.lua "http://127.0.0.1:$port/" >/dev/null  # warm-up
        for round in $(seq "$runs"); do
            KLAXON_BENCH_MAX_ID=$size run_wrk "$size" by_id / -H "$auth" -s bench/api/random_id.lua
            run_wrk "$size" list_open_sev1 "/api/v1/incidents?status=open&severity=sev1" -H "$auth"
            run_wrk "$size" list_newest "/api/v1/incidents" -H "$auth"
        done
        run_wrk "$size" create /api/v1/incidents -H "$auth" -s bench/api/create.lua
        KLAXON_BENCH_MODE=storm run_wrk "$size" alertmanager_storm "/api/v1/integrations/alertmanager/$key" \
            -s bench/ingest/alertmanager.lua
        echo "$size rss_mib $(awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$server/status")" | tee -a "$results"
        stop_server
        echo "$size db_mib $(du -m "$db" | cut -f1)" | tee -a "$results"
        rm -f "$db" "$db-wal" "$db-shm"
    done
    python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
sizes = sorted({int(r[0]) for r in rows})
loads = ["by_id", "list_open_sev1", "list_newest", "create", "alertmanager_storm"]
def med(size, name, i):
    vals = [float(r[i]) for r in rows if int(r[0]) == size and r[1] == name]
    return statistics.median(vals) if vals else float("nan")
print()
print("growth summary (medians; alertmanager_storm requests carry 10 alerts each)")
print("| load | " + " | ".join(f"{s:,} incidents: req/s, p99 ms, req/CPU-s" for s in sizes) + f" | {sizes[-1]:,} over {sizes[0]:,} (req/CPU-s) |")
print("|---|" + "---|" * len(sizes) + "---|")
for name in loads:
    cells = [f"{med(s, name, 2):,.0f}, {med(s, name, 4):.2f}, {med(s, name, 6):,.0f}" for s in sizes]
    label = name + " (10 alerts per request)" if name == "alertmanager_storm" else name
    print(f"| {label} | " + " | ".join(cells) + f" | {med(sizes[-1], name, 6) / med(sizes[0], name, 6):.2f} |")
print("| RSS after the loads, MiB | " + " | ".join(f"{med(s, 'rss_mib', 2):.1f}" for s in sizes) + " | |")
print("| database file, MiB | " + " | ".join(f"{med(s, 'db_mib', 2):.0f}" for s in sizes) + " | |")
print(f"non-2xx answers: {sum(int(r[5]) for r in rows if len(r) > 5)}")
PY
fi
