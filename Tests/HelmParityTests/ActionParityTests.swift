import Foundation
import SwiftFluxTesting
import Testing

/// `helm install/upgrade/uninstall/…` against `swiftflux helm …`: each scenario of
/// `ActionScenarios` runs step by step with both programs, each against its own embedded API
/// server, and every step must print the same bytes (stdout, stderr, exit status) once the times,
/// kubeconfig paths and server addresses are masked.
@Suite("helm action commands parity with the real Helm v3.13.2",
       .enabled(if: HelmOracle.isAvailable, "helm binary or swiftflux executable is absent"))
struct ActionParityTests {
    @Test("each scenario's commands print what helm prints", arguments: ActionScenarios.all.map(\.name))
    func scenario(_ name: String) async throws {
        let steps = try #require(ActionScenarios.all.first { $0.name == name }?.steps)
        let scratch = try HelmOracle.scratch("actions")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let fixtures = try ActionFixtures.write(to: scratch)
        let silent = try SilentListener()
        defer { silent.close() }
        let helmServer = try await TestAPIServer.start()
        let swiftfluxServer: TestAPIServer
        do { swiftfluxServer = try await TestAPIServer.start() } catch {
            await helmServer.stop()
            throw error
        }
        var placeholders = fixtures.placeholders
        placeholders["$SILENT"] = try fixtures.kubeconfig(from: helmServer.kubeconfigPath, server: "https://127.0.0.1:\(silent.port)", name: "silent")
        var differing = 0
        do {
            for step in steps {
                let args = step.map { placeholders[$0] ?? $0.replacingOccurrences(of: "$BIN", with: fixtures.bin) }
                let explicit = args.contains("--kubeconfig")
                let helmArgs = explicit ? args : args + ["--kubeconfig", helmServer.kubeconfigPath]
                let swiftfluxArgs = explicit ? args : args + ["--kubeconfig", swiftfluxServer.kubeconfigPath]
                async let h = HelmOracle.run(HelmOracle.helm!, helmArgs, home: scratch)
                async let s = HelmOracle.run(HelmOracle.swiftflux!, ["helm"] + swiftfluxArgs, home: scratch)
                let masks = [(helmServer.kubeconfigPath, "<kubeconfig>"), (swiftfluxServer.kubeconfigPath, "<kubeconfig>"),
                             (helmServer.url, "<server>"), (swiftfluxServer.url, "<server>"), (scratch, "<scratch>")]
                var (helm, swiftflux) = try await (Self.masked(h, masks), Self.masked(s, masks))
                // With --debug Helm adds its debug log and Go stack traces: only stdout is compared.
                if step.contains("--debug") { (helm.stderr, swiftflux.stderr) = ("", "") }
                if helm != swiftflux {
                    differing += 1
                    Issue.record("helm \(step.joined(separator: " "))\n--- helm\n\(helm)\n--- swiftflux\n\(swiftflux)")
                }
            }
        } catch {
            await helmServer.stop()
            await swiftfluxServer.stop()
            throw error
        }
        await helmServer.stop()
        await swiftfluxServer.stop()
        #expect(differing == 0, "\(differing) of \(steps.count) steps differ")
    }

    /// The output with the bytes that legitimately differ between two runs replaced.
    static func masked(_ output: HelmOracle.Output, _ replacements: [(String, String)]) -> HelmOracle.Output {
        func mask(_ text: String) -> String {
            var t = text
            for (from, to) in replacements where !from.isEmpty { t = t.replacingOccurrences(of: from, with: to) }
            t = t.replacing(#/LAST DEPLOYED: [^\n]*/#, with: "LAST DEPLOYED: <time>")
            t = t.replacing(#/20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/#, with: "<time>")
            t = t.replacing(#/[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}/#, with: "<ansic-time>")
            // Go's time.String() in `helm list` (its width varies with the nanoseconds shown).
            t = t.replacing(#/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC *\t/#, with: "<go-time>\t")
            t = t.replacing(#/UPDATED *\t/#, with: "UPDATED\t")
            // Helm's network error for an index refresh (swiftflux does not reach repositories).
            t = t.replacing(#/(\tGet "[^"]*/index\.yaml"): [^\n]*/#) { "\($0.output.1): <offline>" }
            return t
        }
        return HelmOracle.Output(status: output.status, stdout: mask(output.stdout), stderr: mask(output.stderr))
    }
}

/// A TCP listener that never accepts: connections complete, then nothing is ever answered
/// (an API server that does not respond).
final class SilentListener: @unchecked Sendable {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.fd = fd
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { throw OracleError("cannot listen on loopback") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(fd) }
}
