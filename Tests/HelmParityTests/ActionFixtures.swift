import Foundation

/// The charts, post-renderer scripts and kubeconfigs `ActionScenarios` refers to, written into
/// a scratch directory (the fixture charts are used in place).
struct ActionFixtures {
    let root: String
    let bin: String
    var placeholders: [String: String]

    static func write(to scratch: String) throws -> ActionFixtures {
        let fm = FileManager.default
        let bin = scratch + "/bin"
        try fm.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let scripts: [(String, String, Int)] = [
            ("post.sh", "#!/bin/sh\nsed \"s/hello/POST $*/\"\n", 0o755),
            ("fail.sh", "#!/bin/sh\necho \"renderer failed: $*\" >&2\nexit 3\n", 0o755),
            ("ignore-input.sh", "#!/bin/sh\necho 'kind: ConfigMap'\necho 'apiVersion: v1'\necho 'metadata: {name: fixed}'\n", 0o755),
            ("not-executable.sh", "#!/bin/sh\ncat\n", 0o644),
        ]
        for (name, text, mode) in scripts {
            try Data(text.utf8).write(to: URL(fileURLWithPath: bin + "/" + name))
            try fm.setAttributes([.posixPermissions: mode], ofItemAtPath: bin + "/" + name)
        }
        let charts = scratch + "/charts"
        let cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  a: \"1\"\n"
        func dependency(_ repository: String) -> String {
            "apiVersion: v2\nname: needs-deps\nversion: 0.1.0\ndependencies:\n- name: redis\n  version: 1.2.3\n  repository: \"\(repository)\"\n"
        }
        var placeholders: [String: String] = [
            "$CHART": HelmOracle.fixtures + "/release-chart",
            "$CHART2": HelmOracle.fixtures + "/release-chart-v2",
            "$LOOKUP": HelmOracle.fixtures + "/lookup-chart",
            "$PROBE": HelmOracle.fixtures + "/probe-chart",
        ]
        let written: [(String, String, [String: String])] = [
            ("$NOVALUES", "novalues", ["templates/cm.yaml": cm]),
            ("$DEPRECATED", "deprecated", ["Chart.yaml": "apiVersion: v2\nname: deprecated\nversion: 0.1.0\ndeprecated: true\n",
                                           "templates/cm.yaml": cm]),
            ("$NOKIND", "nokind", ["templates/cm.yaml": "apiVersion: v1\nmetadata:\n  name: {{ .Release.Name }}-x\n"]),
            ("$LIBRARY", "library", ["Chart.yaml": "apiVersion: v2\nname: library\nversion: 0.1.0\ntype: library\n"]),
            ("$LOOKUPERR", "lookuperr", ["templates/cm.yaml": "x: {{ lookup \"example.com/v1\" \"Foo\" \"\" \"x\" | toJson | quote }}\n"]),
            ("$DEPHTTP", "dephttp", ["Chart.yaml": dependency("https://charts.example.com/stable"), "templates/cm.yaml": cm]),
            ("$DEPALIAS", "depalias", ["Chart.yaml": dependency("@stable"), "templates/cm.yaml": cm]),
            ("$DEPWORD", "depword", ["Chart.yaml": dependency("stable"), "templates/cm.yaml": cm]),
        ]
        for (key, name, files) in written {
            placeholders[key] = try ChartWriter.write(files, name: name, to: charts)
        }
        var fixtures = ActionFixtures(root: scratch, bin: bin, placeholders: placeholders)
        // A server that refuses connections, in a kubeconfig readable by all (Helm warns about it).
        let refused = try fixtures.kubeconfig(from: nil, server: "https://127.0.0.1:1", name: "refused", mode: 0o644)
        fixtures.placeholders["$REFUSED"] = refused
        return fixtures
    }

    /// A kubeconfig for `server`: the one at `path` with its server replaced, or a minimal one.
    func kubeconfig(from path: String?, server: String, name: String, mode: Int = 0o600) throws -> String {
        var text = "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: \(server)\n    insecure-skip-tls-verify: true\n"
        text += "users:\n- name: u\n  user:\n    token: t\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\n"
        if let path {
            let original = try String(contentsOfFile: path, encoding: .utf8)
            text = original.replacing(#/server: [^\n]*/#, with: "server: \(server)")
        }
        let out = root + "/" + name + ".kubeconfig"
        try Data(text.utf8).write(to: URL(fileURLWithPath: out))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: out)
        return out
    }
}
