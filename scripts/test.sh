#!/usr/bin/env bash
# The test command (README "Set-up"): installs what the suite needs, then runs every test.
# Usage: scripts/test.sh                  every test target, each in its own process under a time limit
#        scripts/test.sh ARGS…           `swift test --skip-build ARGS…` (e.g. --filter JSONValueTests)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_test_tools
swift build --build-tests
if [ $# -eq 0 ]; then
    exec scripts/lib/run-tests.sh
fi
swift test --skip-build "$@"
