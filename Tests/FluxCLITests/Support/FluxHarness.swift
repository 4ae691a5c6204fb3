import FluxCLI
import FluxCRDs
import Foundation
import GoCompat
import GoTemplate
import KubeClient
import KubeModel
import OrderedCollections
import SharedTestData
import StructuredData
import SwiftFluxTesting

/// An embedded API server with Flux's CRDs, and the flux CLI run in-process against it, as flux's
/// own tests run `rootCmd` against envtest: stdout and stderr captured in one buffer.
final class FluxHarness: Sendable {
    let server: TestAPIServer
    let client: KubeClient
    let transport: HTTPTransport

    /// One server per suite: suites allocate their own namespaces, as flux's tests do.
    static func start() async throws -> FluxHarness {
        let server = try await TestAPIServer.start()
        var config = try KubeConfig.load(paths: [server.kubeconfigPath], requireAll: true).clientConfig()
        config.qps = 10_000
        config.burst = 10_000
        let transport = try HTTPTransport(config: config)
        let harness = FluxHarness(server: server, client: KubeClient(config: config, transport: transport), transport: transport)
        try await harness.installCRDs()
        return harness
    }

    private init(server: TestAPIServer, client: KubeClient, transport: HTTPTransport) {
        self.server = server
        self.client = client
        self.transport = transport
    }

    func stop() async {
        try? await transport.shutdown()
        await server.stop()
    }

    /// Every Flux CRD, labelled as `flux install` labels them, then waits until each is served.
    func installCRDs() async throws {
        for crd in FluxCRDCatalog.all {
            let manifest = try crd.manifest(labels: ["app.kubernetes.io/part-of": "flux", "app.kubernetes.io/instance": "flux-system",
                                                     "app.kubernetes.io/version": "v2.2.0"])
            _ = try await client.create(KubeObject(manifest))
        }
        for crd in FluxCRDCatalog.all {
            guard let version = crd.storageVersion else { continue }
            let gvk = GroupVersionKind(group: crd.group, version: version.name, kind: crd.kind)
            try await Self.eventually { (try? await self.client.resource(for: gvk)) != nil }
        }
    }

    /// Polls `condition` every 20 ms for up to 10 s.
    static func eventually(_ condition: () async throws -> Bool) async throws {
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw HarnessError("condition not met within 10s")
    }

    /// The environment flux commands run in: this server's kubeconfig, UTC, fast polling.
    func environment(output: CapturedOutput, input: [String] = [], variables: [String: String] = [:],
                     workingDirectory: String? = nil, hostKeys: [String: (type: String, key: String)] = [:],
                     logFile: String? = nil) -> FluxEnvironment {
        var env = ["KUBECONFIG": server.kubeconfigPath, "HOME": server.directory, "PATH": "/usr/bin:/bin"]
        env.merge(variables) { _, new in new }
        return FluxEnvironment(programName: "flux", variables: env,
                               workingDirectory: workingDirectory ?? SharedConformance.path("flux-v2.2.0/cli-testdata/.."),
                               output: output, input: ScriptedInput(input), stdinIsTerminal: false, stderrIsTerminal: false,
                               pollInterval: .milliseconds(50), timeZone: TimeZone(identifier: "UTC") ?? .current,
                               hostKeyScanner: StaticHostKeyScanner(hostKeys), defaultLogFile: logFile)
    }

    /// Runs `commandLine` (shell-quoted, without the program name); returns combined output and exit code.
    func run(_ commandLine: String, input: [String] = [], variables: [String: String] = [:],
             workingDirectory: String? = nil, hostKeys: [String: (type: String, key: String)] = [:],
             logFile: String? = nil) async -> (output: String, code: Int32) {
        let output = CapturedOutput()
        let code = await FluxCLI.run(ShellWords.split(commandLine),
                                     environment: environment(output: output, input: input, variables: variables,
                                                              workingDirectory: workingDirectory, hostKeys: hostKeys,
                                                              logFile: logFile))
        return (output.text, code)
    }

    /// `CreateObjectFile`: the file executed as a Go template with `values`, each document created,
    /// then its status written (not-found answers of static kinds ignored).
    func load(_ relativePath: String, _ values: [String: String]) async throws {
        let text = try String(contentsOfFile: SharedConformance.path(relativePath), encoding: .utf8)
        for document in try YAML.parseDocuments(try Golden.execute(text, values)) {
            guard case .object = document else { continue }
            try await create(KubeObject(document))
        }
    }

    /// Creates `object`, then updates its status from `object`'s.
    func create(_ object: KubeObject) async throws {
        let created = try await client.create(object)
        guard object.raw["status"] != nil else { return }
        var withStatus = object
        withStatus.resourceVersion = created.resourceVersion
        do {
            _ = try await client.updateStatus(withStatus)
        } catch {
            // Static kinds have no status subresource.
            let ignorable = error.isNotFound || error.status?.code == 405
            if !ignorable { throw error }
        }
    }

    /// Writes `status` of an existing object (read-modify-write), as a test's simulated controller.
    func setStatus(_ resource: APIResource, namespace: String, name: String,
                   _ mutate: @Sendable (inout KubeObject) -> Void) async throws {
        var object = try await client.get(resource, namespace: namespace, name: name)
        mutate(&object)
        _ = try await client.updateStatus(object)
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Golden files: read from the shared conformance data and filled in like flux's tests fill them.
enum Golden {
    static func read(_ relativePath: String, _ values: [String: String] = [:]) throws -> String {
        let text = try String(contentsOfFile: SharedConformance.path(relativePath), encoding: .utf8)
        return values.isEmpty ? text : try execute(text, values)
    }

    /// Go's `template.Execute` with a `map[string]string`.
    static func execute(_ text: String, _ values: [String: String]) throws -> String {
        var template = Template(name: "golden")
        try template.parse(text)
        var entries: OrderedDictionary<String, GoValue> = [:]
        for (k, v) in values { entries[k] = .string(v) }
        return try template.execute(data: .map(entries, type: .map(key: .string, elem: .string)))
    }
}
