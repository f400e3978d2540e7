#!/usr/bin/env bash
# Runs the already-built Swift test targets, each in a process of its own.
#
# Why not one `swift test`: Swift Testing runs every target's tests concurrently in one process, on one
# shared cooperative thread pool (two threads on a two-core machine). Tests that use SQLite synchronously
# (fsync included) then hold those threads for seconds, and the HTTP servers under test, whose handlers run
# on the same pool, stop answering their clients. Separate processes give each target its own pool.
set -uo pipefail
cd "$(dirname "$0")/.."

targets=(${KLAXON_TEST_TARGETS:-HTTPCoreTests IncidentDomainTests SQLiteCoreTests IncidentStoreTests IncidentAPITests KlaxonCLITests})
passed=0
failed=0
failed_targets=()
for target in "${targets[@]}"; do
    echo "=== $target"
    log=$(mktemp)
    swift test --skip-build --parallel --filter "^${target}\." 2>&1 | tee "$log"
    status=${PIPESTATUS[0]}
    # Swift Testing's closing line: "Test run with N tests in M suites passed|failed ...".
    tests=$(grep -Eo 'Test run with [0-9]+ tests?' "$log" | tail -1 | grep -Eo '[0-9]+' || echo 0)
    failing_tests=$(grep -E '^✘ Test .* failed after' "$log" | wc -l)
    if [ "$status" -ne 0 ] || [ "$tests" -eq 0 ]; then
        failed_targets+=("$target")
        failed=$((failed + (failing_tests > 0 ? failing_tests : 1)))
        passed=$((passed + tests - failing_tests))
    else
        passed=$((passed + tests))
    fi
    rm -f "$log"
done

echo
if [ ${#failed_targets[@]} -gt 0 ]; then
    echo "failing targets: ${failed_targets[*]}"
fi
echo "$passed passed, $failed failed" | tee .build/swift-test-summary.txt
[ ${#failed_targets[@]} -eq 0 ]
