#!/usr/bin/env bash
# Builds the fuzz targets as libFuzzer binaries (address sanitizer on) and runs each for SECONDS, starting
# from its seed corpus in Tests/Fuzz/corpus. A crash stops the script with the input saved under
# .build/fuzz/crashes/<target>/: copy it into the target's corpus folder as a regression (the normal build's
# replayers run the corpus in scripts/test.sh) and fix the bug.
# Usage: scripts/fuzz.sh [SECONDS=60] [TARGET...]   (by hand, an hour each: scripts/fuzz.sh 3600)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(HTTPParserFuzzer AlertPayloadFuzzer)
declare -A corpus=([HTTPParserFuzzer]=parser [AlertPayloadFuzzer]=alerts)
# KLAXON_FUZZING makes Package.swift build the fuzz targets and the code they exercise with libFuzzer and
# AddressSanitizer (see `fuzzedSettings` there); a build path of their own keeps the normal build intact.
export KLAXON_FUZZING=1
flags=(--build-path .build/fuzz)
for target in "${targets[@]}"; do
    mkdir -p .build/fuzz
    if ! swift build "${flags[@]}" --product "$target" > ".build/fuzz/$target-build.log" 2>&1; then
        grep -v "Cannot export local symbol" ".build/fuzz/$target-build.log" | tail -30
        echo "fuzz: $target did not build" >&2
        exit 1
    fi
    binary="$(swift build "${flags[@]}" --show-bin-path)/$target"
    work=.build/fuzz/corpus/$target
    crashes=.build/fuzz/crashes/$target
    mkdir -p "$work" "$crashes"
    echo "fuzz: $target for ${seconds}s"
    if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$work" "Tests/Fuzz/corpus/${corpus[$target]}" \
        > ".build/fuzz/$target.log" 2>&1; then
        tail -40 ".build/fuzz/$target.log"
        echo "fuzz: $target found a failure; inputs in $crashes" >&2
        exit 1
    fi
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" ".build/fuzz/$target.log" | tr '\n' ' '
    echo "fuzz: $target ran ${seconds}s without a crash"
done
