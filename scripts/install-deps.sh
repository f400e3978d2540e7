#!/usr/bin/env bash
# Installs the Debian packages Klaxon builds and tests against. Safe to run again.
set -euo pipefail
# Test peers (prometheus-alertmanager, pdpyras) are installed by scripts/test.sh, not here.
packages=(libsqlite3-dev sqlite3 curl)
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
