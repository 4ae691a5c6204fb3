import ArgumentParser
import Foundation
import GoCompat
import HelmActions
import HelmEngine
import KubeClient
import StructuredData

/// The `swiftflux helm` release commands, for the lead to add to the `helm` command group.
public let helmReleaseSubcommands: [any ParsableCommand.Type] = [
    HelmInstallCommand.self, HelmUpgradeCommand.self, HelmRollbackCommand.self, HelmUninstallCommand.self,
    HelmTestCommand.self, HelmHistoryCommand.self, HelmStatusCommand.self, HelmListCommand.self, HelmGetCommand.self,
]

/// Helm's global cluster flags.
struct HelmClusterOptions: ParsableArguments {
    @Option(name: .customLong("kubeconfig"), help: "path to the kubeconfig file")
    var kubeconfig: String?

    @Option(name: [.customLong("kube-context"), .customLong("context")], help: "name of the kubeconfig context to use")
    var context: String?

    @Option(name: [.customShort("n"), .customLong("namespace")], help: "namespace scope for this request")
    var namespace: String?

    /// Runs `body` with an action configuration for the release namespace, shutting the transport
    /// down after. Every request the actions send is bounded by `requestTimeout` (an action's
    /// `--timeout`; 60 s otherwise, or when it is not positive), so a server that never answers
    /// fails the command instead of hanging it. Unless `checkReachable` is false, the server's
    /// `/version` is read first, as Helm's actions begin with `KubeClient.IsReachable`.
    /// - Throws: `Kubernetes cluster unreachable: …` (Go's wording for the common transport
    ///   failures) when `/version` cannot be read; whatever `body` throws.
    func withConfiguration<T>(allNamespaces: Bool = false, requestTimeout: GoDuration? = nil, checkReachable: Bool = true,
                              _ body: (ActionConfiguration, String) async throws -> T) async throws -> T {
        try await withSession(requestTimeout: requestTimeout, allNamespaces: allNamespaces) { session in
            if checkReachable { try await session.checkReachable() }
            return try await body(session.configuration(), session.namespace())
        }
    }

    /// Helm's `checkPerms`: warnings on stderr when the kubeconfig in use (`--kubeconfig`,
    /// `$KUBECONFIG`, else `~/.kube/config` of the user's passwd entry) is group- or world-readable.
    func warnAboutPermissions() {
        let text = HelmKubeconfigCheck.warnings(kubeconfig: kubeconfig)
        if !text.isEmpty { FileHandle.standardError.write(Data(text.utf8)) }
    }
}

/// Helm's values flags (`-f`, `--set`, `--set-string`, `--set-file`, `--set-json`).
struct HelmValuesOptions: ParsableArguments {
    @Option(name: [.customShort("f"), .customLong("values")], help: "specify values in a YAML file (can specify multiple)")
    var valueFiles: [String] = []
    @Option(name: .customLong("set"), help: "set values on the command line")
    var set: [String] = []
    @Option(name: .customLong("set-string"), help: "set STRING values on the command line")
    var setString: [String] = []
    @Option(name: .customLong("set-file"), help: "set values from respective files specified via the command line")
    var setFile: [String] = []
    @Option(name: .customLong("set-json"), help: "set JSON values on the command line")
    var setJSON: [String] = []

    func merged() throws -> JSONObject {
        var options = ValueOptions()
        for path in valueFiles.flatMap({ $0.split(separator: ",").map(String.init) }) {
            options.valueFiles.append((path, try HelmReleaseIO.read(path)))
        }
        options.values = set
        options.stringValues = setString
        options.fileValues = setFile
        options.jsonValues = setJSON
        return try options.merge { path in try HelmReleaseIO.read(path) }
    }
}

/// Helm's wait flags.
struct HelmWaitOptions: ParsableArguments {
    @Flag(name: .customLong("wait"), help: "wait until all resources are ready")
    var wait = false
    @Flag(name: .customLong("wait-for-jobs"), help: "wait until all Jobs have completed (with --wait)")
    var waitForJobs = false
    @Option(name: .customLong("timeout"), help: "time to wait for any individual Kubernetes operation (Go duration)")
    var timeout: String = "5m0s"
    @Flag(name: .customLong("no-hooks"), help: "prevent hooks from running")
    var noHooks = false

    func options(atomic: Bool = false) throws -> WaitOptions {
        let duration: GoDuration
        do { duration = try GoDuration.parse(timeout) } catch {
            throw ValidationError("invalid argument \"\(timeout)\" for \"--timeout\" flag: \(error)")
        }
        return WaitOptions(wait: wait || atomic, waitForJobs: waitForJobs, timeout: duration)
    }
}

enum HelmReleaseIO {
    static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("open \(path): no such file or directory")
        }
        return [UInt8](data)
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Loads a chart directory or archive.
    static func loadChart(_ path: String) throws -> HelmEngine.Chart {
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("path \"\(path)\" not found") }
        return try HelmChartSource.load(path)
    }
}
