import ArgumentParser
import ControllerRuntime
import Foundation
import KubeClient
import Logging

/// `swiftflux controllers`: run Flux controllers against any cluster through a kubeconfig (a real
/// one, kind, k3s, or the embedded server). Installs nothing: the cluster must already serve the
/// Flux CRDs (`swiftflux install --export | kubectl apply -f -`).
struct ControllersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "controllers",
        abstract: "Run Flux controllers against a cluster",
        discussion: "Uses --kubeconfig, else $KUBECONFIG, else ~/.kube/config, else the in-cluster configuration. Stops cleanly on SIGTERM or SIGINT.")

    @Option(help: "Path to the kubeconfig file.") var kubeconfig: String?
    @Option(help: "The kubeconfig context to use.") var context: String?
    @OptionGroup var flags: ControllerFlags

    func run() async throws {
        let config = try clientConfig()
        let logger = ControllerLogging.bootstrap(level: flags.logLevel, sink: .standardError)
        let runtimeNamespace = ProcessInfo.processInfo.environment["RUNTIME_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? "flux-system"
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        let set = try await ControllerSet.make(client: client, flags: flags, runtimeNamespace: runtimeNamespace,
                                               storagePath: FileManager.default.currentDirectoryPath + "/bin", logger: logger)
        logger.info("starting controllers", metadata: ["controllers": "\(flags.enabled.joined(separator: ","))", "server": "\(config.server)"])
        let running = Task { await set.run() }
        let signals = cancelOnSignals(running)
        await running.value
        signals.forEach { $0.cancel() }
        try? await transport.shutdown()
        logger.info("controllers stopped")
    }

    func clientConfig() throws -> ClientConfig {
        var config: ClientConfig
        if let kubeconfig {
            config = try KubeConfig.load(paths: [kubeconfig], requireAll: true).clientConfig(context: context)
        } else if let loaded = try? KubeConfig.loadDefault(), let resolved = try? loaded.clientConfig(context: context) {
            config = resolved
        } else {
            config = try ClientConfig.inCluster()
        }
        config.qps = flags.kubeAPIQPS
        config.burst = flags.kubeAPIBurst
        config.userAgent = "swiftflux-controllers"
        return config
    }
}
