#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what the build needs, builds with warnings as errors, tests,
# then checks the OpenAPI document (Tests/openapi/validate.py) and fuzzes the served API with schemathesis
# (Tests/openapi/fuzz.py). The Python tools live in a virtual environment under .build/ (ignored by git).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

# Python 3 with venv and pip (Debian splits them into packages; its system Python refuses `pip install`).
if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y python3 python3-venv python3-pip
fi
# The real Alertmanager that Tests/peers/alertmanager_webhook.py points at Klaxon.
if ! dpkg -s prometheus-alertmanager >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y prometheus-alertmanager
fi
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
# keeping a heartbeat alive) and pdpyras.
"$VENV/bin/python" -B -W ignore Tests/peers/alertmanager_webhook.py
"$VENV/bin/python" -B -W ignore Tests/peers/alertmanager_watchdog.py
"$VENV/bin/python" -B -W ignore Tests/peers/pagerduty_pdpyras.py
scripts/run-swift-tests.sh
PATH="$PWD/$VENV/bin:$PATH" "$VENV/bin/python" Tests/openapi/fuzz.py --binary .build/debug/klaxon
# Two minutes of mixed load: no failed answers, flat memory, no leaked descriptors, no token on disk or in logs.
"$VENV/bin/python" -B Tests/soak/soak.py --seconds 120
# The closing line CI reads: the Swift tests' count (the OpenAPI checks above stop the script when they fail).
echo
echo "Swift tests and the OpenAPI checks passed:"
cat .build/swift-test-summary.txt
