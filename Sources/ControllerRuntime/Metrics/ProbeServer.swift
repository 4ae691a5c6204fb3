import Hummingbird
import Logging
import NIOCore
import Prometheus

/// Serves `/metrics` (Prometheus text format) and the `/healthz` and `/readyz` probes on one
/// address (Flux uses `--metrics-addr` :8080 and `--health-addr` :9440; run one per address).
///
/// Contract: `/healthz` answers 200 `ok` while the process runs; `/readyz` answers 200 `ok` when
/// `ready()` is true, else 500 with the reason. Runs until its task is cancelled. An address
/// without a host (`:8080`) binds every interface, as Go's listeners do; the controllers' defaults
/// name 127.0.0.1.
public struct ProbeServer: Sendable {
    public let host: String
    public let port: Int
    let metrics: [any MetricsEmitter]
    let ready: @Sendable () async -> String?

    /// - Parameters:
    ///   - metrics: what `/metrics` writes, in order (none: `/metrics` is empty).
    ///   - ready: nil when ready, else the reason it is not.
    public init(address: String, metrics: [any MetricsEmitter], ready: @escaping @Sendable () async -> String? = { nil }) throws {
        let (host, port) = try Self.parse(address)
        self.host = host
        self.port = port
        self.metrics = metrics
        self.ready = ready
    }

    /// Parses `host:port`, or `:port` for every interface.
    static func parse(_ address: String) throws -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]), (0...65535).contains(port) else {
            throw ProbeServerError.invalidAddress(address)
        }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host.isEmpty ? "0.0.0.0" : host, port)
    }

    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let router = Router()
        let metrics = self.metrics
        let ready = self.ready
        router.get("metrics") { _, _ -> Response in
            var text: [UInt8] = []
            for source in metrics { source.emit(into: &text) }
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: text)))
        }
        router.get("healthz") { _, _ in "ok" }
        router.get("readyz") { _, _ -> Response in
            if let reason = await ready() {
                return Response(status: .internalServerError, body: .init(byteBuffer: ByteBuffer(string: reason)))
            }
            return Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        var logger = Logger(label: "probes")
        logger.logLevel = .warning
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port)),
                              onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) }, logger: logger)
        try await app.run()
    }
}

public enum ProbeServerError: Error, Equatable, CustomStringConvertible {
    case invalidAddress(String)
    public var description: String {
        switch self {
        case .invalidAddress(let a): return "invalid address \"\(a)\": expected host:port or :port"
        }
    }
}
