#!/usr/bin/env bash
# The main job (README "Set-up"): builds swiftflux in release mode and runs it.
# With no arguments it runs `swiftflux up`: the embedded Kubernetes API server on 127.0.0.1:6443 with
# the Flux CRDs and the source- and helm-controllers, data in .swiftflux/data and a kubeconfig at
# .swiftflux/kubeconfig once everything is ready; any arguments are passed to swiftflux instead.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/setup.sh
setup_build_tools
swift build -c release --product swiftflux
bin="$(swift build -c release --show-bin-path)/swiftflux"
if [ $# -eq 0 ]; then
    mkdir -p .swiftflux
    exec "$bin" up --listen 127.0.0.1:6443 --data-dir .swiftflux/data --kubeconfig .swiftflux/kubeconfig
fi
exec "$bin" "$@"
