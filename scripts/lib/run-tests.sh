#!/usr/bin/env bash
# Runs every test target in its own `swift test` process under a time limit, so that one hung test
# fails its target instead of stalling the whole run. Targets run $SWIFTFLUX_TEST_JOBS at a time
# (default 2: most slow targets wait on servers and timers, not on the CPU), the slowest first.
# Prints one line per target and a summary; each target's full output is kept in
# $SWIFTFLUX_TEST_LOGS (default .build/test-logs).
# Usage: scripts/lib/run-tests.sh [target ...]   (default: every test target of Package.swift)
# Environment: SWIFTFLUX_TEST_LIMIT (seconds per target, default 900), SWIFTFLUX_TEST_JOBS.
set -uo pipefail
cd "$(dirname "$0")/../.."
export SWIFTFLUX_TEST_LIMIT="${SWIFTFLUX_TEST_LIMIT:-900}"
export SWIFTFLUX_TEST_LOGS="${SWIFTFLUX_TEST_LOGS:-.build/test-logs}"
jobs="${SWIFTFLUX_TEST_JOBS:-2}"
mkdir -p "$SWIFTFLUX_TEST_LOGS"
rm -f "$SWIFTFLUX_TEST_LOGS"/*.result

# The slowest targets first, so that the two lanes finish together.
slow=(HelmControllerTests HelmParityTests SourceControllerTests KustomizeTests APIServerTests HelmActionsTests OCIRegistryTests)
if [ $# -gt 0 ]; then targets=("$@"); else
    targets=()
    all=()
    for dir in Tests/*/; do
        name="$(basename "$dir")"
        grep -q "name: \"$name\"," Package.swift && all+=("$name")
    done
    for name in "${slow[@]}"; do
        for t in "${all[@]}"; do [ "$t" = "$name" ] && targets+=("$name"); done
    done
    for t in "${all[@]}"; do
        case " ${slow[*]} " in *" $t "*) ;; *) targets+=("$t") ;; esac
    done
fi

# The test bundle is run directly (as `swift test --skip-build` would run it): no SwiftPM lock
# and no build planning per target.
export SWIFTFLUX_TEST_BUNDLE="$(swift build --show-bin-path)/swiftfluxPackageTests.xctest"
export NO_COLOR=1

run_one() {
    local target="$1" start=$SECONDS log="$SWIFTFLUX_TEST_LOGS/$1.log" rc summary
    timeout -k 20 "$SWIFTFLUX_TEST_LIMIT" "$SWIFTFLUX_TEST_BUNDLE" --testing-library swift-testing --filter "^$target\\." >"$log" 2>&1
    rc=$?
    summary="$(grep -E "^. Test run with [0-9]+ tests?" "$log" | tail -1)"
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        summary="timed out after ${SWIFTFLUX_TEST_LIMIT}s: $(grep -cE "passed after|failed after" "$log") tests finished"
        rc=1
    fi
    {
        printf '%-26s %4ds  rc=%d  %s\n' "$target" $((SECONDS - start)) "$rc" "$summary"
        if [ $rc -ne 0 ]; then grep -E "^. Test .* (recorded an issue|failed after)" "$log" | head -40; fi
    } >"$SWIFTFLUX_TEST_LOGS/$target.result"
    cat "$SWIFTFLUX_TEST_LOGS/$target.result"
    return $rc
}
export -f run_one

start_all=$SECONDS
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one "$@"' _ {}
echo "all targets: $((SECONDS - start_all))s with $jobs at a time"
failed=()
for target in "${targets[@]}"; do
    head -1 "$SWIFTFLUX_TEST_LOGS/$target.result" 2>/dev/null | grep -q " rc=0 " || failed+=("$target")
done
if [ ${#failed[@]} -gt 0 ]; then
    echo "failed targets: ${failed[*]} (logs in $SWIFTFLUX_TEST_LOGS)"
    exit 1
fi
