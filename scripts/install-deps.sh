#!/usr/bin/env bash
# Installs the Debian packages Klaxon builds and tests against. Safe to run again.
set -euo pipefail
# prometheus-alertmanager: the real Alertmanager of Tests/peers/alertmanager_webhook.py.
packages=(libsqlite3-dev sqlite3 curl prometheus-alertmanager)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi
# pdpyras: PagerDuty's own Events API v2 client, for Tests/peers/pagerduty_pdpyras.py.
if ! python3 -W ignore -c 'import pdpyras' >/dev/null 2>&1; then
    python3 -m pip install --quiet pdpyras || python3 -m pip install --quiet --break-system-packages pdpyras
fi
