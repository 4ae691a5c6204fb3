/// The command sequences `ActionParityTests` runs with both programs, each against its own
/// embedded API server. `$NAME` arguments are fixture paths filled in by the test.
enum ActionScenarios {
    static let all: [(name: String, steps: [[String]])] = [
        ("dry-run", dryRun), ("names and errors", names), ("values", values), ("post-renderer", postRenderer),
        ("lookup", lookup), ("dependency-update", dependencyUpdate), ("unreachable", unreachable),
    ]

    static let dryRun: [[String]] = [
        ["install", "d1", "$CHART", "-n", "dry", "--dry-run"],
        ["install", "d1", "$CHART", "-n", "dry", "--dry-run=client", "-o", "json"],
        ["install", "d1", "$CHART", "-n", "dry", "--dry-run=server", "--description", "custom"],
        ["install", "d1", "$CHART", "-n", "dry", "--dry-run=bogus"],
        ["install", "d1", "$CHART", "-n", "dry", "--dry-run=false"],
        ["install", "d1", "$NOVALUES", "-n", "dry", "--dry-run", "-o", "json"],
        ["list", "-n", "dry", "-a"],
        ["install", "d1", "$CHART", "-n", "dry", "--create-namespace", "--description", "first"],
        ["upgrade", "d1", "$CHART", "-n", "dry", "--dry-run", "--set", "message=dry"],
        ["upgrade", "d1", "$CHART", "-n", "dry", "--dry-run=server", "--description", "mine"],
        ["upgrade", "d1", "$CHART", "-n", "dry", "--dry-run", "-o", "yaml"],
        ["upgrade", "--install", "d2", "$CHART", "-n", "dry", "--dry-run"],
        ["upgrade", "--install", "d3", "$CHART", "-n", "dry", "--dry-run", "-o", "json"],
        ["history", "d1", "-n", "dry"],
        ["list", "-n", "dry", "-a"],
    ]

    static let names: [[String]] = [
        ["install", "Bad_Name", "$CHART", "-n", "names", "--create-namespace"],
        ["install", "n1", "$CHART", "-n", "names", "--create-namespace"],
        ["install", "n1", "$CHART", "-n", "names"],
        ["uninstall", "n1", "-n", "names", "--keep-history"],
        ["upgrade", "--install", "n1", "$CHART", "-n", "names"],
        ["upgrade", "n1", "$CHART", "-n", "names"],
        ["install", "n1", "$CHART", "-n", "names", "--replace", "--description", "replaced"],
        ["history", "n1", "-n", "names"],
        ["install", "n2", "/nonexistent/chart", "-n", "names"],
        ["install", "n2", "nosuchchart", "-n", "names"],
        ["upgrade", "n2", "nosuchchart", "-n", "names"],
        ["upgrade", "n3", "$CHART", "-n", "names"],
        ["upgrade", "Bad_Name", "$CHART", "-n", "names"],
        ["install", "n4", "$CHART", "-n", "names", "-l", "owner=me"],
        ["install", "n4", "$CHART", "-n", "names", "-l", "team=a", "--description", "labelled"],
        ["upgrade", "n4", "$CHART", "-n", "names", "-l", "status=x"],
        ["install", "n5", "$DEPRECATED", "-n", "names"],
        ["install", "n6", "$NOKIND", "-n", "names"],
        ["install", "n6", "$NOKIND", "-n", "names", "--disable-openapi-validation"],
        ["upgrade", "n4", "$NOKIND", "-n", "names"],
        ["install", "n7", "$LIBRARY", "-n", "names"],
        ["install", "n8", "$CHART", "-n", "names", "-f", "/nonexistent/values.yaml"],
        ["upgrade", "--install", "n9", "$CHART", "-n", "names", "--description", "via upgrade"],
        ["upgrade", "--install", "n9", "$CHART", "-n", "names", "--description", "second", "-o", "json"],
        ["list", "-n", "names", "-a"],
    ]

    static let values: [[String]] = [
        ["install", "v1", "$CHART", "-n", "vals", "--create-namespace", "--set", "nested.a=5", "--set", "extra=x"],
        ["upgrade", "v1", "$CHART2", "-n", "vals"],
        ["get", "values", "v1", "-n", "vals", "-a"],
        ["upgrade", "v1", "$CHART2", "-n", "vals", "--reuse-values", "--set", "message=reused"],
        ["get", "values", "v1", "-n", "vals", "-a"],
        ["get", "values", "v1", "-n", "vals"],
        ["upgrade", "v1", "$CHART2", "-n", "vals", "--reuse-values", "--set", "extra=null", "--set", "nested.b=null"],
        ["get", "values", "v1", "-n", "vals", "-o", "json"],
        ["get", "values", "v1", "-n", "vals", "-a", "-o", "json"],
        ["upgrade", "v1", "$CHART2", "-n", "vals", "--reset-values", "--set", "message=reset"],
        ["get", "values", "v1", "-n", "vals", "-a"],
        ["upgrade", "v1", "$CHART2", "-n", "vals", "--reset-values", "--reuse-values", "--set", "message=both"],
        ["get", "values", "v1", "-n", "vals", "-a"],
        ["upgrade", "v1", "$CHART", "-n", "vals", "--reuse-values"],
        ["get", "all", "v1", "-n", "vals"],
        ["history", "v1", "-n", "vals"],
    ]

    static let postRenderer: [[String]] = [
        ["template", "p", "$CHART", "--post-renderer", "$BIN/post.sh", "--post-renderer-args", "1", "--post-renderer-args", "2"],
        ["template", "p", "$CHART", "--post-renderer", "nosuchbinary-swiftflux"],
        ["template", "p", "$CHART", "--post-renderer", "$BIN/fail.sh"],
        ["template", "p", "$CHART", "--post-renderer", "$BIN/fail.sh", "--debug"],
        ["template", "p", "$CHART", "--post-renderer", "$BIN/ignore-input.sh"],
        ["install", "p1", "$CHART", "-n", "post", "--create-namespace", "--post-renderer", "$BIN/post.sh", "--post-renderer-args", "A"],
        ["get", "manifest", "p1", "-n", "post"],
        ["install", "p2", "$CHART", "-n", "post", "--post-renderer", "$BIN/fail.sh", "--post-renderer-args", "x"],
        ["install", "p3", "$CHART", "-n", "post", "--post-renderer", "/nonexistent/renderer"],
        ["install", "p4", "$CHART", "-n", "post", "--post-renderer", "$BIN/not-executable.sh"],
        ["upgrade", "p1", "$CHART", "-n", "post", "--post-renderer", "$BIN/post.sh", "--dry-run"],
        ["upgrade", "p1", "$CHART", "-n", "post", "--post-renderer", "$BIN/post.sh", "--post-renderer-args", "B"],
        ["get", "manifest", "p1", "-n", "post"],
        ["list", "-n", "post", "-a"],
    ]

    static let lookup: [[String]] = [
        ["install", "probe", "$PROBE", "-n", "look", "--create-namespace"],
        ["install", "l1", "$LOOKUP", "-n", "look", "--dry-run"],
        ["install", "l1", "$LOOKUP", "-n", "look", "--dry-run=server"],
        ["install", "l1", "$LOOKUP", "-n", "look"],
        ["get", "manifest", "l1", "-n", "look"],
        ["upgrade", "l1", "$LOOKUP", "-n", "look", "--dry-run=client"],
        ["template", "l", "$LOOKUP"],
        ["install", "l2", "$LOOKUPERR", "-n", "look"],
    ]

    static let dependencyUpdate: [[String]] = [
        ["template", "d", "$DEPHTTP"],
        ["template", "d", "$DEPHTTP", "--dependency-update"],
        ["install", "d", "$DEPHTTP", "-n", "deps", "--dependency-update"],
        ["upgrade", "--install", "d", "$DEPHTTP", "-n", "deps", "--dependency-update"],
        ["template", "d", "$DEPALIAS", "--dependency-update"],
        ["template", "d", "$DEPWORD", "--dependency-update"],
        ["install", "d", "$DEPHTTP", "-n", "deps"],
    ]

    static let unreachable: [[String]] = [
        ["list", "--kubeconfig", "$REFUSED"],
        ["status", "x", "--kubeconfig", "$REFUSED"],
        ["history", "x", "--kubeconfig", "$REFUSED"],
        ["get", "values", "x", "--kubeconfig", "$REFUSED"],
        ["get", "all", "x", "--kubeconfig", "$REFUSED"],
        ["uninstall", "x", "--kubeconfig", "$REFUSED"],
        ["rollback", "x", "--kubeconfig", "$REFUSED"],
        ["test", "x", "--kubeconfig", "$REFUSED"],
        ["install", "x", "$CHART", "--kubeconfig", "$REFUSED"],
        ["install", "x", "$CHART", "--kubeconfig", "$REFUSED", "--dry-run"],
        ["upgrade", "x", "$CHART", "--kubeconfig", "$REFUSED"],
        ["upgrade", "--install", "x", "$CHART", "--kubeconfig", "$REFUSED"],
        ["template", "x", "$CHART", "--kubeconfig", "$REFUSED"],
        ["list", "--kubeconfig", "$SILENT"],
    ]
}
