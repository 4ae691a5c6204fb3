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

    /// Runs `body` with an action configuration for the release namespace, shutting the transport down after.
    func withConfiguration<T>(allNamespaces: Bool = false, _ body: (ActionConfiguration, String) async throws -> T) async throws -> T {
        let config = try ClientConfig.load(kubeconfig: kubeconfig, context: context, namespace: namespace)
        let ns = namespace ?? (config.namespace.isEmpty ? "default" : config.namespace)
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        let action = ActionConfiguration(client: client, namespace: allNamespaces ? "" : ns)
        do {
            let result = try await body(action, ns)
            try? await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
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
        return try ChartLoader().load(path: path)
    }
}
