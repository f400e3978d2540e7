#!/usr/bin/env bash
# The whole test suite, as CI runs it on a fresh clone (the README's test command; .ci/run calls it):
# installs the Debian packages (scripts/install-deps.sh --test) and the Python test tools (a virtual
# environment under .build/), checks the OpenAPI document, builds with warnings as errors, runs the real-peer
# tests (Prometheus Alertmanager, pdpyras, prometheus_client, deliveries), the dashboard in headless Chromium,
# the safety scripts (kills, faults, kills during failing deliveries, duplicates, backup under load), every Swift test target, the fuzz targets'
# saved inputs and a minute of fuzzing each, schemathesis against the served API, and a two-minute soak. Every
# server it starts listens on 127.0.0.1 and is stopped by the step that started it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

VENV=.build/openapi-venv
# Recreated when a run was cut short while making it (no pip inside).
if ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    rm -rf "$VENV"
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r Tests/openapi/requirements.txt

"$VENV/bin/python" Tests/openapi/validate.py
swift build --build-tests -Xswiftc -warnings-as-errors
# Real peers against the built binary (each bounded, on 127.0.0.1): Prometheus Alertmanager (alerts; Watchdog
# keeping a heartbeat alive), pdpyras, the Prometheus text parser of prometheus_client, and a SIGKILL during
# webhook delivery.
"$VENV/bin/python" -B -W ignore Tests/peers/alertmanager_webhook.py
"$VENV/bin/python" -B -W ignore Tests/peers/alertmanager_watchdog.py
"$VENV/bin/python" -B -W ignore Tests/peers/pagerduty_pdpyras.py
# /metrics through the official Prometheus client's text parser (issue 8).
"$VENV/bin/python" -B -W ignore Tests/peers/prometheus_metrics.py
"$VENV/bin/python" -B -W ignore Tests/peers/delivery_kill.py
"$VENV/bin/python" -B -W ignore Tests/peers/hold_deliveries.py
# Email pages through a real SMTP server (aiosmtpd): headers and links, 451 retried, 550 dead.
"$VENV/bin/python" -B -W ignore Tests/peers/smtp_relay.py
# The dashboard in headless Chromium (screenshots of failures in .build/browser-artifacts/).
"$VENV/bin/python" -B -W ignore Tests/browser/dashboard.py
# Proof of safety, short forms (about 4 minutes; long forms: Tests/safety/crash.py --kills 20,
# Tests/safety/delivery_crash.py --kills 20): SIGKILL under load 3 times, a full disk, a foreign write lock and a
# file system that turns read-only (FUSE), SIGKILL 3 times while pages go to a receiver that fails some attempts,
# every payload sent 5 times by 50 senders, backup under load.
"$VENV/bin/python" -B Tests/safety/crash.py --kills 3
"$VENV/bin/python" -B Tests/safety/faults.py
"$VENV/bin/python" -B Tests/safety/delivery_crash.py --kills 3
"$VENV/bin/python" -B Tests/safety/duplicates.py
"$VENV/bin/python" -B Tests/safety/backup_load.py --seconds 5 --backups 2
scripts/run-swift-tests.sh
# The fuzz targets' saved inputs (seeds and regressions) through the normal build, then 1 minute of fuzzing each.
.build/debug/HTTPParserFuzzer Tests/Fuzz/corpus/parser
.build/debug/AlertPayloadFuzzer Tests/Fuzz/corpus/alerts
scripts/fuzz.sh 60
PATH="$PWD/$VENV/bin:$PATH" "$VENV/bin/python" Tests/openapi/fuzz.py --binary .build/debug/klaxon
# Two minutes of mixed load: no failed answers, flat memory, no leaked descriptors, no token on disk or in logs.
"$VENV/bin/python" -B Tests/soak/soak.py --seconds 120
# The closing line CI reads: the Swift tests' count (the OpenAPI checks above stop the script when they fail).
echo
echo "Swift tests and the OpenAPI checks passed:"
cat .build/swift-test-summary.txt
