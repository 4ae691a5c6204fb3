import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// The real transport: HTTP/1.1 over AsyncHTTPClient, with TLS from the client configuration
/// (CA bundle, client certificate and key, or `insecure-skip-tls-verify`).
///
/// Call `shutdown()` before releasing it.
public final class HTTPTransport: KubeTransport {
    let client: HTTPClient
    let base: String
    /// Timeout of non-watch requests.
    let requestTimeout: TimeAmount
    /// Upper bound of a watch (the server normally ends it through `timeoutSeconds`).
    let watchTimeout: TimeAmount
    let maxBodyBytes: Int
    private let streams = StreamRegistry()

    /// - Throws: `KubeClientError.config` when the CA, certificate or key PEM is invalid.
    public init(config: ClientConfig, requestTimeout: TimeAmount = .seconds(60), watchTimeout: TimeAmount = .hours(1),
                maxBodyBytes: Int = 256 << 20) throws(KubeClientError) {
        var tls = TLSConfiguration.makeClientConfiguration()
        // Do not wait the default 5 s for the server's close_notify when abandoning a watch.
        tls.shutdownTimeout = .milliseconds(200)
        do {
            if let ca = config.caData { tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMBytes(ca)) }
        } catch { throw .config("unable to load certificate-authority data: \(error)") }
        if config.insecureSkipTLSVerify { tls.certificateVerification = .none }
        if let cert = config.clientCertificateData, let key = config.clientKeyData {
            do {
                tls.certificateChain = try NIOSSLCertificate.fromPEMBytes(cert).map { .certificate($0) }
            } catch { throw .config("unable to load client certificate data: \(error)") }
            do {
                tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem))
            } catch { throw .config("unable to load client key data: \(error)") }
        }
        var configuration = HTTPClient.Configuration(tlsConfiguration: tls)
        configuration.decompression = .enabled(limit: .none)
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        base = config.server
        self.requestTimeout = requestTimeout
        self.watchTimeout = watchTimeout
        self.maxBodyBytes = maxBodyBytes
    }

    /// Ends open watch streams, then closes all connections.
    public func shutdown() async throws {
        streams.cancelAll()
        try await client.shutdown()
    }

    private func makeRequest(_ request: KubeRequest) -> HTTPClientRequest {
        var r = HTTPClientRequest(url: request.url(base: base))
        r.method = HTTPMethod(rawValue: request.method)
        for h in request.headers { r.headers.add(name: h.name, value: h.value) }
        if let body = request.body { r.body = .bytes(ByteBuffer(bytes: body)) }
        return r
    }

    private static func headers(_ h: HTTPHeaders) -> [KubeRequest.Header] { h.map { .init($0.name, $0.value) } }

    public func send(_ request: KubeRequest) async throws -> KubeResponse {
        let response = try await client.execute(makeRequest(request), timeout: requestTimeout)
        let body = try await response.body.collect(upTo: maxBodyBytes)
        return KubeResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers),
                            body: Array(body.readableBytesView))
    }

    public func stream(_ request: KubeRequest) async throws -> KubeStreamResponse {
        let response = try await client.execute(makeRequest(request), timeout: watchTimeout)
        let body = response.body
        let registry = streams
        let stream = AsyncThrowingStream<[UInt8], any Error> { continuation in
            let id = UUID()
            let task = Task {
                defer { registry.remove(id) }
                do {
                    for try await buffer in body { continuation.yield(Array(buffer.readableBytesView)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            registry.add(id, task)
            continuation.onTermination = { _ in task.cancel() }
        }
        return KubeStreamResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: stream)
    }
}

extension KubeClient {
    /// A client over `HTTPTransport` for `config`.
    public init(config: ClientConfig) throws(KubeClientError) {
        self.init(config: config, transport: try HTTPTransport(config: config))
    }
}

/// The body-pumping tasks of open streams, so `shutdown` can end them instead of waiting.
final class StreamRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var tasks: [UUID: Task<Void, Never>] = [:]

    func add(_ id: UUID, _ task: Task<Void, Never>) { lock.withLock { tasks[id] = task } }
    func remove(_ id: UUID) { _ = lock.withLock { tasks.removeValue(forKey: id) } }

    func cancelAll() {
        let all = lock.withLock { () -> [Task<Void, Never>] in
            defer { tasks = [:] }
            return Array(tasks.values)
        }
        for task in all { task.cancel() }
    }
}
