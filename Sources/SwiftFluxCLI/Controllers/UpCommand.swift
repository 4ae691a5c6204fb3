import APIServer
import ArgumentParser
import ControllerRuntime
import FluxCRDs
import Foundation
import KubeClient
import KubeModel
import Logging
import StructuredData

/// `swiftflux up`: the all-in-one mode — the embedded API server, the Flux CRDs and the
/// `flux-system` namespace, and every controller, in one process. Controllers reach the store
/// in-process; kubectl and other clients use HTTPS with the kubeconfig, which is written only once
/// the CRDs are served and the controllers' caches have synced.
struct UpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "up",
        abstract: "Run the embedded API server with the Flux CRDs and controllers",
        discussion: "Controller logs (JSON lines) go to <data-dir>/logs/controllers.log. Stops cleanly on SIGTERM or SIGINT.")

    @Option(help: "Address the API server listens on (host:port).") var listen: String = "127.0.0.1:6443"
    @Option(name: .customLong("data-dir"), help: "Directory for the database, certificates, token, artifacts and logs.")
    var dataDir: String = ".swiftflux/data"
    @Option(help: "Where to write the kubeconfig once everything is ready.") var kubeconfig: String = ".swiftflux/kubeconfig"
    @OptionGroup var flags: ControllerFlags

    func run() async throws {
        let (host, port) = try APIServerCommand.parseListen(listen)
        let dataDir = (self.dataDir as NSString).standardizingPath
        try FileManager.default.createDirectory(atPath: dataDir + "/logs", withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let logger = ControllerLogging.bootstrap(level: flags.logLevel,
                                                 sink: .file(dataDir + "/logs/controllers.log", alsoStandardError: false))
        let server = try await KubeAPIServer(configuration: APIServerConfiguration(
            host: host, port: port, dataDirectory: dataDir, kubeconfigPath: nil, logLevel: .error))
        let (urls, urlContinuation) = AsyncStream.makeStream(of: String.self)
        let serving = Task { try await server.run { urlContinuation.yield($0) } }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else {
            _ = try await serving.value
            throw ValidationError("the API server did not start")
        }
        let client = server.inProcessTransport().client(namespace: "flux-system")
        try await Self.installCRDs(client)
        try await Self.ensureNamespace(client, "flux-system")
        let set = try await ControllerSet.make(client: client, flags: flags, runtimeNamespace: "flux-system",
                                               storagePath: dataDir + "/artifacts", logger: logger)
        let running = Task {
            await set.run()
            serving.cancel()
        }
        let signals = cancelOnSignals(running)
        await set.waitForSync()
        try Kubeconfig.write(to: kubeconfig, serverURL: url, caCertificatePEM: server.credentials.caCertificatePEM,
                             token: server.credentials.token)
        Self.say("swiftflux: API server on \(url), controllers: \(flags.enabled.joined(separator: ", "))")
        Self.say("swiftflux: ready — export KUBECONFIG=\((kubeconfig as NSString).standardizingPath)")
        await running.value
        _ = try? await serving.value
        signals.forEach { $0.cancel() }
        Self.say("swiftflux: stopped")
    }

    static func say(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }

    /// Applies every Flux CRD (server-side, as `swiftflux`) and waits until each kind is served.
    static func installCRDs(_ client: KubeClient) async throws {
        for crd in FluxCRDCatalog.all {
            _ = try await client.apply(KubeObject(try crd.manifest()), fieldManager: "swiftflux", force: true)
        }
        let deadline = ContinuousClock.now + .seconds(60)
        for crd in FluxCRDCatalog.all {
            let gvk = GroupVersionKind(group: crd.group, version: crd.storageVersion?.name ?? "", kind: crd.kind)
            while (try? await client.resource(for: gvk)) == nil {
                if ContinuousClock.now > deadline { throw ValidationError("CRD \(crd.plural).\(crd.group) is not established") }
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }

    static func ensureNamespace(_ client: KubeClient, _ name: String) async throws {
        let namespace: JSONValue = ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": .string(name)]]
        do {
            _ = try await client.create(KubeObject(namespace))
        } catch where error.isAlreadyExists {
        }
    }
}
