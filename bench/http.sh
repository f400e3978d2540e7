#!/usr/bin/env bash
# HTTP benchmark of the foundation issue: GET /healthz with keep-alive at 64 and 256 connections,
# idle memory, 10,000 idle keep-alive connections, then the side-by-side comparison with the peers.
# Usage: bench/http.sh [--duration SECONDS] [--runs N] [--peers LIST] [--skip-compare]
# Everything targets 127.0.0.1 and every load is bounded in time.
#
# FlyingFox: compare.py builds each peer in /tmp/klaxon-bench/<peer>, and for `flyingfox` that folder name
# gives the root package the identity `flyingfox`, the same as its FlyingFox dependency, so SwiftPM drops the
# dependency and the build fails ("product 'FlyingFox' ... not found"). Until compare.py builds it elsewhere,
# this script builds the same peer sources in /tmp/klaxon-bench/ff-peer and measures it through compare.py
# as the server under test against hb2; Klaxon's ratio to FlyingFox is then derived through hb2.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=10
runs=3
compare=1
peers=hb2,flyingfox,nginx
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --peers) peers=$2; shift 2 ;;
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
    direct_peers=$(echo "$peers" | tr ',' '\n' | grep -vx flyingfox | paste -sd,)
    python3 ../shared/bench/compare.py \
        --klaxon "$klaxon serve --port {port} --db $workdir/compare.db --max-connections 12000" \
        --path /healthz --peers "$direct_peers" --conns 64,256 --duration "$duration" --runs "$runs" \
        | tee "$workdir/compare-klaxon.txt"
    if echo "$peers" | tr ',' '\n' | grep -qx flyingfox; then
        ff=/tmp/klaxon-bench/ff-peer
        mkdir -p "$ff"
        rm -rf "$ff/Sources"; cp -r ../shared/bench/peers/flyingfox/Sources "$ff/Sources"
        cp ../shared/bench/peers/flyingfox/Package.swift "$ff/Package.swift"; chmod -R u+w "$ff"
        echo "building the FlyingFox peer in $ff ..."
        (cd "$ff" && swift build -c release >/dev/null)
        ffexe="$(cd "$ff" && swift build -c release --show-bin-path)/FFPeer"
        echo "== compare.py with the FlyingFox peer as the server under test (row 'klaxon' = FlyingFox)"
        python3 ../shared/bench/compare.py --klaxon "$ffexe" --path /plaintext --ready-path /plaintext \
            --peers hb2 --conns 64,256 --duration "$duration" --runs "$runs" | tee "$workdir/compare-ff.txt"
        python3 - "$workdir/compare-klaxon.txt" "$workdir/compare-ff.txt" <<'PY'
import sys
def table(path):
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 6 and cells[1].isdigit():
            rows[(cells[0], int(cells[1]))] = (float(cells[2].replace(",", "")), float(cells[5].replace(",", "")))
    return rows
k, f = table(sys.argv[1]), table(sys.argv[2])
for conns in sorted({c for _, c in k}):
    if ("hb2", conns) not in k or ("hb2", conns) not in f: continue
    (kr, kc), (khr, khc) = k[("klaxon", conns)], k[("hb2", conns)]
    (fr, fc), (fhr, fhc) = f[("klaxon", conns)], f[("hb2", conns)]
    print(f"klaxon / flyingfox at {conns} connections (through hb2 of each run): "
          f"req/s {(kr / khr) / (fr / fhr):.1f}x, req per CPU-s {(kc / khc) / (fc / fhc):.1f}x "
          f"(flyingfox {fr:,.0f} req/s, {fc:,.0f} per CPU-s)")
PY
    fi
fi
