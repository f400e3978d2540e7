#!/usr/bin/env bash
# Two klaxon binaries on the ingestion benchmark, alternated round by round in the same minutes (the shared
# machine's load and disk drift too much to compare runs made apart), then the same-round ratios new/old.
# Usage: bench/ingest-compare.sh OLD_BINARY NEW_BINARY [--runs N=3] [--duration S=8] [--modes storm,resend]
#   e.g. git archive main | tar -x -C /tmp/old && (cd /tmp/old && swift build -c release --product klaxon
#        --build-path /tmp/old/.build) and this checkout's `swift build -c release --product klaxon`.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n 2,6p "$0" >&2; exit 2; }
old=$(realpath "$1")
new=$(realpath "$2")
shift 2
runs=3
duration=8
modes=storm,resend
while [ $# -gt 0 ]; do
    case "$1" in
        --runs) runs=$2; shift 2 ;;
        --duration) duration=$2; shift 2 ;;
        --modes) modes=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
work=$(mktemp -d "${TMPDIR:-/tmp}/klaxon-ingest-compare.XXXXXX")
for round in $(seq "$runs"); do
    for which in old new; do
        binary=$old
        [ "$which" = new ] && binary=$new
        bench/ingest.sh --binary "$binary" --runs 1 --duration "$duration" --modes "$modes" --dir "$work/$which-$round" \
            | sed "s/^/$which round $round: /" | grep -v "summary\|^$which round $round: $"
        sed "s/^/$round $which /" "$work/$which-$round/results.txt" >> "$work/all.txt"
    done
done
python3 - "$work/all.txt" <<'PY'
import statistics, sys
# Each line: round which mode alerts/s requests/s p50 p99 non2xx fsync ratio stored_alerts stored_incidents cpu_s
#            requests_per_cpu_s acknowledged
rows = [line.split() for line in open(sys.argv[1])]
print()
print("same-round ratios new/old (medians over rounds)")
for mode in sorted({r[2] for r in rows}):
    pairs = []
    for round in sorted({r[0] for r in rows}):
        old = next((r for r in rows if r[0] == round and r[1] == "old" and r[2] == mode), None)
        new = next((r for r in rows if r[0] == round and r[1] == "new" and r[2] == mode), None)
        if old and new: pairs.append((old, new))
    if not pairs: continue
    rate = [float(n[3]) / float(o[3]) for o, n in pairs]
    cpu = [float(n[13]) / float(o[13]) for o, n in pairs]
    med = lambda which, i: statistics.median(float((o if which == "old" else n)[i]) for o, n in pairs)
    print(f"{mode}: alerts/s old {med('old', 3):,.0f} new {med('new', 3):,.0f} (x{statistics.median(rate):.2f}; "
          f"rounds {', '.join(f'{x:.2f}' for x in rate)}); requests per server CPU-s old {med('old', 13):,.0f} "
          f"new {med('new', 13):,.0f} (x{statistics.median(cpu):.2f}); fsync rate old {med('old', 8):,.0f} "
          f"new {med('new', 8):,.0f}; new over its fsync rate {med('new', 9):.1f}")
PY
echo "results in $work"
