#!/usr/bin/env bash
# The whole test suite, as CI runs it: installs what the build needs, builds with warnings as errors, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests -Xswiftc -warnings-as-errors
scripts/run-swift-tests.sh
