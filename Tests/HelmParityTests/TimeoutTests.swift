import Foundation
import Testing

/// `--timeout` bounds every request of `swiftflux helm` actions, so a server that accepts
/// connections but never answers fails the command with Helm's `Kubernetes cluster unreachable`
/// instead of hanging it. Helm 3.13 itself stops only at Go's 10 s TLS handshake timeout (and
/// hangs forever on a server that completes TLS but never answers); `swiftflux` reports the
/// request deadline instead.
@Suite("swiftflux helm honours --timeout when the API server does not answer",
       .enabled(if: HelmOracle.swiftflux != nil, "swiftflux executable is absent"))
struct TimeoutTests {
    static let commands: [(args: [String], prefix: String)] = [
        (["install", "x", "$CHART", "--timeout", "1s"], "INSTALLATION FAILED: "),
        (["install", "x", "$CHART", "--timeout", "1s", "--dry-run"], "INSTALLATION FAILED: "),
        (["upgrade", "x", "$CHART", "--timeout", "1s"], "UPGRADE FAILED: "),
        (["upgrade", "--install", "x", "$CHART", "--timeout", "1s"], ""),
        (["rollback", "x", "--timeout", "1s"], ""),
        (["uninstall", "x", "--timeout", "1s"], ""),
        (["test", "x", "--timeout", "1s"], ""),
    ]

    @Test("each action stops at its --timeout with the request deadline as the reason",
          arguments: commands.indices.map { $0 })
    func action(_ index: Int) async throws {
        let command = Self.commands[index]
        let scratch = try HelmOracle.scratch("timeout")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let silent = try SilentListener()
        defer { silent.close() }
        let fixtures = try ActionFixtures.write(to: scratch)
        let kubeconfig = try fixtures.kubeconfig(from: nil, server: "https://127.0.0.1:\(silent.port)", name: "silent")
        let args = command.args.map { fixtures.placeholders[$0] ?? $0 }
        let out = try await HelmOracle.run(HelmOracle.swiftflux!, ["helm"] + args + ["--kubeconfig", kubeconfig], home: scratch)
        // `upgrade --install` reads the history (unwrapped) before anything else, as Helm's does.
        let expected = "Error: \(command.prefix)Kubernetes cluster unreachable: Get \"https://127.0.0.1:\(silent.port)/version\": context deadline exceeded\n"
        #expect(out.status == 1)
        #expect(out.stderr == expected, "\(out)")
        #expect(out.stdout.isEmpty)
    }
}
