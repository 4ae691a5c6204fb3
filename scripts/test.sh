#!/usr/bin/env bash
# The test command (README "Set-up"): installs what the suite needs, then runs every test.
# Usage: scripts/test.sh [extra `swift test` arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_test_tools
swift build --build-tests
swift test --skip-build "$@"
