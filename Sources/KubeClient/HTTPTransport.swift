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
        // Like client-go: a refused or failed dial is the request's error at once (AsyncHTTPClient
        // would otherwise retry the connection with backoff until its connect timeout, 10 s);
        // callers that should retry (watches, controllers' requeues) do so themselves.
        configuration.connectionPool.retryConnectionEstablishment = false
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

    /// Opens a streaming request. The body is pulled from the connection only as the consumer asks
    /// for chunks (NIO back-pressure), so an idle consumer never makes memory grow.
    public func stream(_ request: KubeRequest) async throws -> KubeStreamResponse {
        let response = try await client.execute(makeRequest(request), timeout: watchTimeout)
        let pump = BodyPump(response.body.makeAsyncIterator())
        let id = UUID()
        let registry = streams
        registry.add(id, pump)
        let body = AsyncThrowingStream<[UInt8], any Error>(unfolding: {
            do {
                guard let chunk = try await pump.next() else {
                    registry.remove(id)
                    return nil
                }
                return chunk
            } catch {
                registry.remove(id)
                throw error
            }
        })
        return KubeStreamResponse(statusCode: Int(response.status.code), headers: Self.headers(response.headers), body: body)
    }
}

/// One response body being read; `cancel()` makes the next read end the stream (used by `shutdown`).
/// A single consumer calls `next()` at a time, hence the unchecked sendability.
final class BodyPump: @unchecked Sendable {
    private var iterator: HTTPClientResponse.Body.AsyncIterator
    private let lock = NSLock()
    private var cancelled = false

    init(_ iterator: HTTPClientResponse.Body.AsyncIterator) { self.iterator = iterator }

    func next() async throws -> [UInt8]? {
        if lock.withLock({ cancelled }) { return nil }
        guard let buffer = try await iterator.next() else { return nil }
        return Array(buffer.readableBytesView)
    }

    func cancel() { lock.withLock { cancelled = true } }
}

extension KubeClient {
    /// Runs `body` with a client over a new `HTTPTransport` for `config`, and shuts the transport
    /// down afterwards whatever happens: the scoped owner of the connection pool.
    public static func withClient<R: Sendable>(config: ClientConfig,
                                               _ body: (KubeClient) async throws -> R) async throws -> R {
        let transport = try HTTPTransport(config: config)
        let client = KubeClient(config: config, transport: transport)
        do {
            let result = try await body(client)
            try? await transport.shutdown()
            return result
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }
}

/// The open streams, so `shutdown` can end them instead of waiting for the server.
final class StreamRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var pumps: [UUID: BodyPump] = [:]

    func add(_ id: UUID, _ pump: BodyPump) { lock.withLock { pumps[id] = pump } }
    func remove(_ id: UUID) { _ = lock.withLock { pumps.removeValue(forKey: id) } }

    func cancelAll() {
        let all = lock.withLock { () -> [BodyPump] in
            defer { pumps = [:] }
            return Array(pumps.values)
        }
        for pump in all { pump.cancel() }
    }
}
