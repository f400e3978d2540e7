#!/usr/bin/env bash
# HTTP benchmark of the foundation issue: GET /healthz with keep-alive at 64 and 256 connections,
# idle memory, 10,000 idle keep-alive connections, then the side-by-side comparison with the peers.
# Usage: bench/http.sh [--duration SECONDS] [--runs N] [--skip-compare]
# Everything targets 127.0.0.1 and every load is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
runs=3
compare=1
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --skip-compare) compare=0; shift ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }
swift build -c release --product klaxon
klaxon="$(swift build -c release --show-bin-path)/klaxon"
workdir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$workdir"' EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$klaxon" serve --port "$port" --db "$workdir/bench.db" --max-connections 12000 >"$workdir/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
echo "idle RSS after start: $(( $(rss_kib) / 1024 )) MiB"

for connections in 64 256; do
    echo "== wrk GET /healthz, $connections connections, ${duration}s"
    cpu_before=$(awk '{print $14 + $15}' "/proc/$server/stat")
    wrk -t2 -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$port/healthz" | tee "$workdir/wrk.txt"
    cpu_after=$(awk '{print $14 + $15}' "/proc/$server/stat")
    ticks=$(getconf CLK_TCK)
    rate=$(awk '/Requests\/sec/ {print $2}' "$workdir/wrk.txt")
    python3 -c "import sys; r=float('$rate'); cpu=($cpu_after-$cpu_before)/$ticks; print(f'server CPU {cpu:.1f}s, {r*$duration/cpu:.0f} requests per CPU-second')"
done

echo "== 10,000 idle keep-alive connections"
before=$(rss_kib)
python3 bench/idle_connections.py --port "$port" --count 10000 --hold 3 --pid "$server"
echo "RSS before: $(( before / 1024 )) MiB"

if [ "$compare" = 1 ]; then
    kill "$server"; wait "$server" 2>/dev/null || true
    python3 ../shared/bench/compare.py \
        --klaxon "$klaxon serve --port {port} --db $workdir/compare.db" \
        --path /healthz --peers hb2,flyingfox,nginx --conns 64,256 --duration "$duration" --runs "$runs"
fi
