#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what the build needs, builds with warnings as errors, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests -Xswiftc -warnings-as-errors
# Real peers against the built binary (each bounded, on 127.0.0.1): Prometheus Alertmanager and pdpyras.
python3 -B -W ignore Tests/peers/alertmanager_webhook.py
python3 -B -W ignore Tests/peers/pagerduty_pdpyras.py
swift test --skip-build --parallel
