#!/usr/bin/env bash
# flux-benchmark's MTTP table on SwiftFlux: N = 100, 500, 1000 HelmReleases of podinfo 6.5.3 (and
# the HelmCharts they create) applied at once, then upgraded, on one `swiftflux` process (embedded
# API server + source- and helm-controllers). `swiftflux bench mttp` starts Debian's docker-registry
# (Distribution, flux-benchmark's registry:2) on a free loopback port itself, pushes the chart, and
# stops the registry by PID when it ends.
# Usage: scripts/bench-mttp.sh [N ...]   (default: 100 500 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_build_tools
setup_registry
swift build -c release --product swiftflux
bin="$(swift build -c release --show-bin-path)/swiftflux"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 500 1000)
echo "SwiftFlux $(git rev-parse --short HEAD), $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m)"
for n in "${sizes[@]}"; do
    "$bin" bench mttp --kind helmrelease --objects "$n" --upgrade | tail -n +2
done
cat <<'FLUX'

Flux 2.2.0 (flux-benchmark RESULTS.md, 16-core runner, per-controller pod memory):
    100  HelmChart 25s 40Mi    HelmRelease 31s 140Mi
    500  HelmChart 45s 68Mi    HelmRelease 2m55s 350Mi
   1000  HelmChart 1m30s 110Mi HelmRelease 8m2s 620Mi
FLUX
