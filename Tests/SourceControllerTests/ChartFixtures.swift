import AsyncHTTPClient
import FluxAPI
import Foundation
import Hummingbird
import KubeModel
import Logging
import NIOCore
import OCIRegistry
import RegistryTesting
import SharedTestData
import Synchronization
import Testing

/// podinfo 6.5.3 from the shared conformance data, packaged and indexed by the real Helm 3.13.2.
actor Podinfo {
    static let shared = Podinfo()
    private var packaged: (tgz: [UInt8], index: [UInt8])?

    /// `helm package` of the chart and `helm repo index` of the result (relative chart URLs).
    func package() async throws -> (tgz: [UInt8], index: [UInt8]) {
        if let packaged { return packaged }
        let helm = try #require(TestTools.helm())
        let home = NSTemporaryDirectory() + "swiftflux-podinfo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: home + "/repo", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        var (status, output) = try await runTool(helm, ["package", SharedConformance.path("charts/podinfo-6.5.3"), "-d", home + "/repo"],
                                                 environment: HelmHome.environment(home))
        try #require(status == 0, "\(output)")
        (status, output) = try await runTool(helm, ["repo", "index", home + "/repo"], environment: HelmHome.environment(home))
        try #require(status == 0, "\(output)")
        let tgz = Array(try Data(contentsOf: URL(fileURLWithPath: home + "/repo/podinfo-6.5.3.tgz")))
        let index = Array(try Data(contentsOf: URL(fileURLWithPath: home + "/repo/index.yaml")))
        packaged = (tgz, index)
        return (tgz, index)
    }
}

/// A private HELM_* environment under `home`.
enum HelmHome {
    static func environment(_ home: String) -> [String: String] {
        ["HELM_CACHE_HOME": home + "/cache", "HELM_CONFIG_HOME": home + "/config", "HELM_DATA_HOME": home + "/data",
         "HELM_REGISTRY_CONFIG": home + "/registry.json", "HOME": home]
    }
}

/// A Helm HTTP repository on loopback: `/charts/<file>` from a mutable map, optional basic auth,
/// and `/big/index.yaml` streaming an index larger than any limit.
final class ChartRepositoryServer: Sendable {
    private let files: Mutex<[String: [UInt8]]>
    let credentials: (user: String, password: String)?
    let bigIndexSize: Int

    init(files: [String: [UInt8]], credentials: (user: String, password: String)? = nil, bigIndexSize: Int = 0) {
        self.files = Mutex(files)
        self.credentials = credentials
        self.bigIndexSize = bigIndexSize
    }

    func set(_ name: String, _ bytes: [UInt8]) { files.withLock { $0[name] = bytes } }

    func application(onListening: @escaping @Sendable (Int) async -> Void) -> some ApplicationProtocol {
        let router = Router()
        router.get("charts/:file") { [self] request, context -> Response in
            let file = context.parameters.get("file") ?? ""
            if let credentials {
                let expected = "Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
                guard request.headers[.authorization] == expected else { return Response(status: .unauthorized) }
            }
            guard let bytes = files.withLock({ $0[file] }) else { return Response(status: .notFound) }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        router.get("big/index.yaml") { [self] _, _ -> Response in
            let size = bigIndexSize
            return Response(status: .ok, body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "apiVersion: v1\nentries: {}\n"))
                let filler = ByteBuffer(repeating: UInt8(ascii: "#"), count: 1 << 20)
                var sent = 0
                while sent < size {
                    try await writer.write(filler)
                    sent += filler.readableBytes
                }
                try await writer.finish(nil)
            })
        }
        var logger = Logger(label: "chart-repository")
        logger.logLevel = .critical
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                           onServerRunning: { await onListening($0.localAddress?.port ?? 0) }, logger: logger)
    }

    /// Runs `body` with the server listening at `http://127.0.0.1:<port>`.
    func run<T>(_ body: (String) async throws -> T) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = application { continuation.yield($0) }
        let task = Task { try await app.runService() }
        defer { task.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body("http://127.0.0.1:\(port)")
    }
}

/// Objects the tests create.
enum Objects {
    static func helmRepository(_ name: String, url: String, type: HelmRepositoryType? = nil, secret: String? = nil,
                               insecure: Bool? = nil, interval: String = "10m") -> HelmRepository {
        var spec = HelmRepositorySpec(url: url)
        spec.type = type
        spec.interval = interval
        spec.insecure = insecure
        spec.secretRef = secret.map { LocalObjectReference(name: $0) }
        return HelmRepository(metadata: ObjectMeta(name: name, namespace: "flux-test"), spec: spec)
    }

    static func helmChart(_ name: String, chart: String = "podinfo", version: String? = "6.5.3", kind: HelmChartSourceKind = .helmRepository,
                          source: String, valuesFiles: [String]? = nil, verify: OCIRepositoryVerification? = nil,
                          interval: String = "10m") -> HelmChart {
        var spec = HelmChartSpec(chart: chart, sourceRef: LocalHelmChartSourceReference(kind: kind, name: source), interval: interval)
        spec.version = version
        spec.valuesFiles = valuesFiles
        spec.verify = verify
        return HelmChart(metadata: ObjectMeta(name: name, namespace: "flux-test"), spec: spec)
    }

    static func secret(_ name: String, type: String? = nil, _ data: [String: String]) -> Secret {
        Secret(name: name, namespace: "flux-test", type: type, data: data.mapValues { Array($0.utf8) })
    }
}

/// Pushes podinfo with the real `helm push` into a plain-HTTP registry without auth.
func helmPush(_ tgz: [UInt8], to registry: TestRegistry, path: String = "charts") async throws {
    let helm = try #require(TestTools.helm())
    let home = NSTemporaryDirectory() + "swiftflux-push-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: home) }
    try Data(tgz).write(to: URL(fileURLWithPath: home + "/podinfo-6.5.3.tgz"))
    let (status, output) = try await runTool(helm, ["push", home + "/podinfo-6.5.3.tgz", "oci://\(registry.host)/\(path)", "--plain-http"],
                                             environment: HelmHome.environment(home))
    try #require(status == 0, "\(output)")
}

/// Condition shorthand for comparisons: (type, status, reason, message).
struct C: Equatable, CustomStringConvertible {
    var type: String
    var status: String
    var reason: String
    var message: String
    init(_ type: String, _ status: String, _ reason: String, _ message: String) {
        self.type = type
        self.status = status
        self.reason = reason
        self.message = message
    }
    init(_ c: Condition) { self.init(c.type, c.status.rawValue, c.reason, c.message) }
    var description: String { "\(type)=\(status) \(reason): \(message)" }
}

extension ObjectWithConditions {
    /// The conditions as (type, status, reason, message), in status order.
    var summary: [C] { conditions.map(C.init) }
}
