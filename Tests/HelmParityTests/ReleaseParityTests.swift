import Foundation
import SwiftFluxTesting
import Testing

/// Releases made by the real `helm` (and one by `swiftflux helm`) in the embedded API server,
/// then read back by both programs: `list`, `history`, `status` and `get …` must print the same
/// bytes in table, JSON and YAML forms.
@Suite("helm release commands parity with the real Helm v3.13.2", .enabled(if: HelmOracle.isAvailable, "helm binary or swiftflux executable is absent"))
struct ReleaseParityTests {
    static let chart = HelmOracle.fixtures + "/release-chart"

    /// Commands that build the release histories, run in order by the program named first.
    static let setup: [(tool: String, args: [String])] = [
        ("helm", ["install", "app1", chart, "-n", "parity", "--create-namespace", "--description", "first install"]),
        ("helm", ["upgrade", "app1", chart, "-n", "parity", "--set", "message=two"]),
        ("helm", ["upgrade", "app1", chart, "-n", "parity", "--reuse-values", "--set", "extra=x",
                  "--description", "an upgrade whose description is much longer than sixty characters in total"]),
        ("helm", ["rollback", "app1", "1", "-n", "parity"]),
        ("helm", ["install", "app2", chart, "-n", "parity", "--set", "message=other"]),
        ("helm", ["uninstall", "app2", "-n", "parity", "--keep-history"]),
        ("helm", ["install", "app3", chart, "-n", "other", "--create-namespace"]),
        ("swiftflux", ["install", "app4", chart, "-n", "parity", "--set", "nested.a=2"]),
    ]

    /// What both programs are asked, each in table, JSON and YAML form where it has them.
    static let queries: [[String]] = {
        var q: [[String]] = []
        let formats = [[], ["-o", "json"], ["-o", "yaml"]]
        for f in formats {
            for list in [[], ["-a"], ["--deployed"], ["--failed"], ["--pending"], ["--superseded"], ["--uninstalled"],
                         ["-q"], ["--filter", "app[12]", "-a"], ["-r"], ["-m", "1", "--offset", "1"], ["--no-headers"], ["-d"]] {
                q.append(["list", "-n", "parity"] + list + f)
            }
            q.append(["list", "-A", "-a"] + f)
            q.append(["history", "app1", "-n", "parity"] + f)
            q.append(["history", "app1", "-n", "parity", "--max", "2"] + f)
            q.append(["history", "app2", "-n", "parity"] + f)
            q.append(["status", "app1", "-n", "parity"] + f)
            q.append(["status", "app1", "-n", "parity", "--revision", "2"] + f)
            q.append(["status", "app4", "-n", "parity"] + f)
            q.append(["get", "metadata", "app1", "-n", "parity"] + f)
            q.append(["get", "values", "app1", "-n", "parity"] + f)
            q.append(["get", "values", "app1", "-n", "parity", "-a"] + f)
            q.append(["get", "values", "app4", "-n", "parity", "--revision", "1"] + f)
        }
        for name in ["app1", "app2", "app4"] {
            q.append(["get", "all", name, "-n", "parity"])
            q.append(["get", "hooks", name, "-n", "parity"])
            q.append(["get", "manifest", name, "-n", "parity"])
            q.append(["get", "notes", name, "-n", "parity"])
        }
        q.append(["status", "app1", "-n", "parity", "--show-desc"])
        q.append(["status", "app2", "-n", "parity", "--show-desc"])
        q.append(["get", "all", "app1", "-n", "parity", "--revision", "2"])
        q.append(["get", "manifest", "app1", "-n", "parity", "--revision", "3"])
        return q
    }()

    @Test("list, history, status and get print the same bytes as helm on the same releases")
    func releaseCommands() async throws {
        let server = try await TestAPIServer.start()
        let home = try HelmOracle.scratch("release")
        defer { try? FileManager.default.removeItem(atPath: home) }
        do {
            let k = ["--kubeconfig", server.kubeconfigPath]
            for step in Self.setup {
                let exe = step.tool == "helm" ? HelmOracle.helm! : HelmOracle.swiftflux!
                let args = (step.tool == "helm" ? [] : ["helm"]) + step.args + k
                let out = try await HelmOracle.run(exe, args, home: home)
                #expect(out.status == 0, "\(step.tool) \(step.args.joined(separator: " ")): \(out.stderr)")
            }
            var differing = 0
            for query in Self.queries {
                let (helm, swiftflux) = try await HelmOracle.both(query + k, home: home)
                if helm != swiftflux {
                    differing += 1
                    Issue.record("helm \(query.joined(separator: " "))\n--- helm\n\(helm)\n--- swiftflux\n\(swiftflux)")
                }
            }
            #expect(differing == 0, "\(differing) of \(Self.queries.count) queries differ")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
