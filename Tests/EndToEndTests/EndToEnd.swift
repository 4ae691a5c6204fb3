import Foundation
import RegistryTesting
import SwiftFluxTesting
import Testing

/// One end-to-end run: a scratch directory, the `swiftflux` executable, Helm v3.13.2 and kubectl
/// 1.28 (installed by `scripts/test.sh`), and a `swiftflux up` process on free ports.
struct EndToEnd {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let podinfo = packageRoot + "/../shared/conformance/charts/podinfo-6.5.3"

    static func tool(_ variable: String, _ relative: String) -> String? {
        if let env = ProcessInfo.processInfo.environment[variable], FileManager.default.isExecutableFile(atPath: env) { return env }
        let path = packageRoot + "/" + relative
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static let helmPath = tool("SWIFTFLUX_HELM", ".tools/helm-v3.13.2/helm/helm")
    static let kubectlPath = tool("SWIFTFLUX_KUBECTL_128", ".tools/helm-v3.13.2/kubectl/kubectl")
    static let swiftflux: String? = [".build/debug/swiftflux", ".build/release/swiftflux"].map { packageRoot + "/" + $0 }
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool {
        helmPath != nil && kubectlPath != nil && swiftflux != nil && TestTools.registry != nil
            && FileManager.default.fileExists(atPath: podinfo + "/Chart.yaml")
    }

    let directory: String
    var kubeconfig: String { directory + "/kubeconfig" }
    /// The artifact server's port, the same across restarts of `up` (artifact URLs in HelmChart
    /// statuses name it, as a cluster's Service address would).
    let storagePort: Int

    init() throws {
        directory = NSTemporaryDirectory() + "swiftflux-e2e-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/home", withIntermediateDirectories: true)
        storagePort = freeLoopbackPort()
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: directory) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
    }

    /// `swiftflux up` on free ports with its data, kubeconfig and log in the scratch directory.
    func startUp() throws -> BackgroundProcess {
        try BackgroundProcess(Self.swiftflux!, ["up", "--listen", "127.0.0.1:0", "--data-dir", directory + "/data",
                                                "--kubeconfig", kubeconfig, "--metrics-addr", "", "--health-addr", "",
                                                "--storage-addr", "127.0.0.1:\(storagePort)"],
                              logPath: directory + "/up.log")
    }

    /// Waits until `up` has written the kubeconfig (it does so once the controllers are ready).
    func waitForKubeconfig(_ up: BackgroundProcess) async throws {
        let found = try await poll(seconds: 120) { () -> Bool? in
            if up.hasExited { throw E2EError("swiftflux up exited:\n\(up.log)") }
            return FileManager.default.fileExists(atPath: kubeconfig) ? true : nil
        }
        if found == nil { throw E2EError("swiftflux up wrote no kubeconfig within 120 s:\n\(up.log)") }
    }

    /// Polls `body` every 500 ms until it returns a value or `seconds` pass (then nil).
    func poll<T>(seconds: Int, _ body: () async throws -> T?) async throws -> T? {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if let value = try await body() { return value }
            try await Task.sleep(for: .milliseconds(500))
        }
        return nil
    }

    @discardableResult
    func helm(_ arguments: [String], check: Bool = true) async throws -> ProcessResult {
        try await run(Self.helmPath!, arguments, check: check)
    }

    @discardableResult
    func kubectl(_ arguments: [String], check: Bool = true) async throws -> ProcessResult {
        try await run(Self.kubectlPath!, ["--kubeconfig", kubeconfig] + arguments, check: check)
    }

    func run(_ executable: String, _ arguments: [String], check: Bool) async throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory + "/home"
        environment["KUBECONFIG"] = kubeconfig
        let result = try await ProcessRunner.run(executable, arguments, environment: environment, timeout: 120)
        if check, result.status != 0 || result.timedOut {
            throw E2EError("\(executable) \(arguments.joined(separator: " ")) failed (\(result.status)):\n\(result.stdout)\(result.stderr)")
        }
        return result
    }
}

struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
