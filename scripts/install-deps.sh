#!/usr/bin/env bash
# Installs the Debian packages Klaxon builds against; with --test also those the test suite needs (Python with
# venv and pip for the test tools, the real Prometheus Alertmanager the peer tests run, Chromium with its
# driver for the dashboard's browser tests, and libfuse 2 under the FUSE file system of Tests/safety/faults.py).
# Safe to run again: only missing packages are installed, through sudo when not root.
set -euo pipefail
packages=(libsqlite3-dev libcurl4-openssl-dev sqlite3 curl)
if [ "${1:-}" = "--test" ]; then
    packages+=(python3 python3-venv python3-pip prometheus-alertmanager chromium chromium-driver libfuse2)
fi
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
