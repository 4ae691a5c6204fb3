import Foundation
import SwiftFluxTesting
import Testing

/// One kubectl binary driven against a test server, with its own HOME (discovery cache).
struct Kubectl: Sendable, CustomTestStringConvertible {
    var path: String
    var label: String
    var testDescription: String { label }

    /// kubectl 1.31 from the machine's Google Cloud SDK (else its `kubectl`), kubectl 1.20 when
    /// `SWIFTFLUX_KUBECTL_OLD` points at it (or it is in `.tools/`), and kubectl 1.28 from
    /// `SWIFTFLUX_KUBECTL_128` (or `.tools/helm/`).
    ///
    /// The SDK's `kubectl` is a dispatcher: it runs the kubectl matching the server's version, or
    /// its own 1.32 when asking the version is slow (a loaded machine). So a pinned binary is used:
    /// kubectl 1.32 and later send `kubectl create <kind>` bodies as protobuf, which this server
    /// does not decode yet.
    static var available: [Kubectl] {
        var out: [Kubectl] = []
        let pinned = "/usr/lib/google-cloud-sdk/bin/kubectl.1.31"
        if FileManager.default.isExecutableFile(atPath: pinned) {
            out.append(Kubectl(path: pinned, label: "kubectl 1.31"))
        } else if FileManager.default.isExecutableFile(atPath: "/usr/bin/kubectl") {
            out.append(Kubectl(path: "/usr/bin/kubectl", label: "kubectl (machine)"))
        }
        let old = ProcessInfo.processInfo.environment["SWIFTFLUX_KUBECTL_OLD"]
            ?? FileManager.default.currentDirectoryPath + "/.tools/kubernetes-client/usr/bin/kubectl"
        if FileManager.default.isExecutableFile(atPath: old) { out.append(Kubectl(path: old, label: "kubectl 1.20")) }
        let v128 = ProcessInfo.processInfo.environment["SWIFTFLUX_KUBECTL_128"]
            ?? FileManager.default.currentDirectoryPath + "/.tools/helm-v3.13.2/kubectl/kubectl"
        if FileManager.default.isExecutableFile(atPath: v128) { out.append(Kubectl(path: v128, label: "kubectl 1.28")) }
        return out
    }

    /// Runs `kubectl <args>` against `server`.
    func run(_ server: TestAPIServer, _ args: [String], stdin: String? = nil, timeout: Double = 60) async throws -> ProcessResult {
        let home = server.directory + "/home-\(label.filter(\.isNumber))"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["KUBECONFIG"] = server.kubeconfigPath
        return try await ProcessRunner.run(path, args, environment: env, stdin: stdin, timeout: timeout)
    }
}

func fixture(_ name: String) -> String {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
}
