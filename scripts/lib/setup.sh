# Shared set-up for scripts/run.sh and scripts/test.sh: Debian packages only (apt-get), never
# downloads from elsewhere. Idempotent: does nothing when everything is already present.

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Build dependencies of the Swift package itself (SQLite for the embedded API server, zlib).
setup_build_tools() {
    command -v swift >/dev/null || { echo "setup: swift is not on PATH" >&2; return 1; }
    apt_install libsqlite3-dev zlib1g-dev
}

# kubectl 1.20 from Debian's kubernetes-client, unpacked into .tools/ (installing the package would
# conflict with the machine's own kubectl). Tests find it through $SWIFTFLUX_KUBECTL_OLD.
setup_old_kubectl() {
    local dir=".tools/kubernetes-client"
    if [ ! -x "$dir/usr/bin/kubectl" ]; then
        mkdir -p .tools/debs
        ( cd .tools/debs && { ls kubernetes-client_*.deb >/dev/null 2>&1 || { apt-get update -qq >/dev/null; apt-get download kubernetes-client >/dev/null 2>&1; }; } ) || true
        local deb
        deb=$(ls .tools/debs/kubernetes-client_*.deb 2>/dev/null | head -n 1)
        if [ -n "$deb" ]; then
            mkdir -p "$dir" && dpkg-deb -x "$deb" "$dir"
        else
            echo "setup: kubernetes-client (kubectl 1.20) not available; kubectl 1.20 tests will be skipped" >&2
        fi
    fi
    if [ -x "$dir/usr/bin/kubectl" ]; then
        export SWIFTFLUX_KUBECTL_OLD="$PWD/$dir/usr/bin/kubectl"
    fi
}

setup_test_tools() {
    setup_build_tools
    setup_old_kubectl
}
