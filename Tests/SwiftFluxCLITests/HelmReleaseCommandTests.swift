import APIServer
import Foundation
import GoCompat
import HelmActions
import KubeClient
import StructuredData
import SharedTestData
import Testing
@testable import SwiftFluxCLI

/// An in-process API server for CLI tests (the CLI test target has no SwiftFluxTesting).
private struct CLITestServer {
    let kubeconfig: String
    let directory: String
    let task: Task<Void, any Error>

    static func start() async throws -> CLITestServer {
        let directory = NSTemporaryDirectory() + "swiftflux-cli-helm-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let kubeconfig = directory + "/kubeconfig"
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(port: 0, inMemory: true, kubeconfigPath: kubeconfig))
        let (ready, continuation) = AsyncStream.makeStream(of: Bool.self)
        let task = Task {
            defer { continuation.yield(false) }
            try await server.run { _ in continuation.yield(true) }
        }
        var iterator = ready.makeAsyncIterator()
        guard await iterator.next() == true else { throw ValidationErrorForTests("API server did not start") }
        return CLITestServer(kubeconfig: kubeconfig, directory: directory, task: task)
    }

    func stop() async {
        task.cancel()
        _ = await task.result
        try? FileManager.default.removeItem(atPath: directory)
    }
}

private struct ValidationErrorForTests: Error { let message: String; init(_ m: String) { message = m } }

@Suite("swiftflux helm release commands", .enabled(if: SharedConformance.isAvailable, "../shared/conformance is absent"))
struct HelmReleaseCommandTests {
    static let podinfo = SharedConformance.path("charts/podinfo-6.5.3")

    @Test("the release commands parse Helm's flags")
    func parsing() throws {
        let install = try HelmInstallCommand.parse(["demo", "./chart", "-n", "apps", "--create-namespace", "-f", "a.yaml,b.yaml",
                                                    "--set", "a=1", "--set-string", "b=2", "--wait", "--wait-for-jobs",
                                                    "--timeout", "90s", "--atomic", "--kubeconfig", "/k", "--kube-context", "c"])
        #expect(install.cluster.namespace == "apps" && install.options.createNamespace && install.options.atomic)
        #expect(install.values.set == ["a=1"] && install.values.setString == ["b=2"])
        #expect(try install.waiting.options().timeout == GoDuration(nanoseconds: 90_000_000_000))
        #expect(try install.waiting.options().wait && install.waiting.waitForJobs)
        let upgrade = try HelmUpgradeCommand.parse(["demo", "./chart", "--install", "--force", "--reuse-values", "--cleanup-on-fail", "--history-max", "3", "-o", "json"])
        #expect(upgrade.install && upgrade.force && upgrade.reuseValues && upgrade.cleanupOnFail && upgrade.historyMax == 3 && upgrade.options.output == "json")
        #expect(try HelmUninstallCommand.parse(["a", "b", "--keep-history", "--context", "x"]).names == ["a", "b"])
        #expect(try HelmRollbackCommand.parse(["demo", "2"]).revision == 2)
        #expect(try HelmListCommand.parse(["-A"]).allNamespaces)
        #expect(throws: (any Error).self) { try HelmInstallCommand.parse(["demo", "c", "--timeout", "soon"]).waiting.options() }
        #expect(helmReleaseSubcommands.count == 9)
    }

    @Test("list and history times print as Go's time.Time String and RFC 3339")
    func times() {
        let t = HelmTime(GoTime(year: 2026, month: 12, day: 7, hour: 13, minute: 37, second: 18, nanosecond: 639_333_634))
        #expect(HelmReleasePrinter.goString(t) == "2026-12-07 13:37:18.639333634 +0000 UTC")
        #expect(HelmReleasePrinter.goString(HelmTime(GoTime(year: 2026, month: 1, day: 2), utcOffsetSeconds: 3600)) == "2026-01-02 01:00:00 +0100 +0100")
        #expect(HelmReleasePrinter.rfc3339(t) == "2026-12-07T13:37:18Z")
    }

    @Test("status text follows Helm's layout with ANSIC times")
    func statusText() {
        var release = Release(name: "demo", namespace: "apps", version: 3,
                              info: ReleaseInfo(lastDeployed: HelmTime(GoTime(year: 2023, month: 11, day: 2, hour: 9, minute: 5, second: 7)),
                                                status: .deployed, notes: "  hi\n"))
        #expect(HelmReleasePrinter.status(release) == "NAME: demo\nLAST DEPLOYED: Thu Nov  2 09:05:07 2023\nNAMESPACE: apps\nSTATUS: deployed\nREVISION: 3\nTEST SUITE: None\nNOTES:\nhi\n")
        release.info?.notes = ""
        #expect(!HelmReleasePrinter.status(release).contains("NOTES"))
        release.hooks = [Hook(name: "t", kind: "Pod", manifest: "m", events: [.test])]
        #expect(HelmReleasePrinter.status(release) == "NAME: demo\nLAST DEPLOYED: Thu Nov  2 09:05:07 2023\nNAMESPACE: apps\nSTATUS: deployed\nREVISION: 3\n")
        release.hooks[0].lastRun = HookExecution(startedAt: HelmTime(GoTime(year: 2023, month: 11, day: 12, hour: 10)),
                                                 completedAt: HelmTime(GoTime(year: 2023, month: 11, day: 12, hour: 10, second: 4)), phase: .succeeded)
        #expect(HelmReleasePrinter.status(release).hasSuffix("REVISION: 3\nTEST SUITE:     t\nLast Started:   Sun Nov 12 10:00:00 2023\nLast Completed: Sun Nov 12 10:00:04 2023\nPhase:          Succeeded\n"))
        // uitable pads every cell, the last column's too.
        #expect(HelmReleasePrinter.table([["A", "BB"], ["ccc", "d"]]) == "A  \tBB\nccc\td \n")
        #expect(HelmReleasePrinter.table([["ID", "DESCRIPTION"], ["1", String(repeating: "x", count: 70)]], maxColumnWidth: 60)
                == "ID\tDESCRIPTION" + String(repeating: " ", count: 49) + "\n1 \t" + String(repeating: "x", count: 57) + "...\n")
    }

    @Test("install, upgrade, rollback, history, status, get and uninstall podinfo through the commands",
          .enabled(if: FileManager.default.fileExists(atPath: podinfo)))
    func endToEnd() async throws {
        let server = try await CLITestServer.start()
        do {
            let k = ["--kubeconfig", server.kubeconfig, "-n", "default"]
            try await HelmInstallCommand.parse(["podinfo", Self.podinfo] + k).run()
            try await HelmUpgradeCommand.parse(["podinfo", Self.podinfo, "--set", "replicaCount=2"] + k).run()
            try await HelmRollbackCommand.parse(["podinfo", "1"] + k).run()
            try await HelmHistoryCommand.parse(["podinfo"] + k).run()
            try await HelmStatusCommand.parse(["podinfo", "-o", "json"] + k).run()
            try await HelmGetCommand.Values.parse(["podinfo", "-a"] + k).run()
            try await HelmListCommand.parse(["-A", "--kubeconfig", server.kubeconfig]).run()

            let config = try ClientConfig.load(kubeconfig: server.kubeconfig, namespace: "default")
            let transport = try HTTPTransport(config: config)
            let storage = ReleaseStorage(driver: SecretDriver(client: KubeClient(config: config, transport: transport), namespace: "default"))
            let history = try await storage.history("podinfo")
            #expect(history.map(\.status) == [.superseded, .superseded, .deployed])
            #expect(history.map { $0.info?.description ?? "" } == ["Install complete", "Upgrade complete", "Rollback to 1"])
            #expect(history[1].config == ["replicaCount": 2])

            try await HelmUninstallCommand.parse(["podinfo", "--keep-history"] + k).run()
            #expect(try await storage.last("podinfo").status == .uninstalled)
            await #expect(throws: (any Error).self) { try await HelmUninstallCommand.parse(["podinfo", "--keep-history"] + k).run() }
            try await transport.shutdown()
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
