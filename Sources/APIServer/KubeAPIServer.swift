import APIServerCore
import Foundation
import Logging
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOSSL

/// How to run an embedded API server.
public struct APIServerConfiguration: Sendable {
    /// Address to bind (127.0.0.1 unless told otherwise).
    public var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one.
    public var port: Int = 6443
    /// Where the database, CA, serving certificate and token live. nil: credentials in memory only.
    public var dataDirectory: String?
    /// Keep objects in memory only (no SQLite).
    public var inMemory: Bool = false
    /// Serve HTTPS (the default) or plain HTTP.
    public var tls: Bool = true
    /// Where to write a kubeconfig once the server is ready, if anywhere.
    public var kubeconfigPath: String?
    /// Watch-history window (events) before 410 `Expired`.
    public var historyLimit: Int = 10_000
    /// The HTTP server's log level (`.critical` silences it, as in-process test servers do).
    public var logLevel: Logger.Level = .info

    public init(host: String = "127.0.0.1", port: Int = 6443, dataDirectory: String? = nil, inMemory: Bool = false,
                tls: Bool = true, kubeconfigPath: String? = nil, historyLimit: Int = 10_000, logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.inMemory = inMemory
        self.tls = tls
        self.kubeconfigPath = kubeconfigPath
        self.historyLimit = historyLimit
        self.logLevel = logLevel
    }
}

/// The embedded Kubernetes-compatible API server: `KubeAPI` behind an HTTP(S) front with bearer-token
/// authentication.
public final class KubeAPIServer: Sendable {
    public let configuration: APIServerConfiguration
    public let api: KubeAPI
    public let credentials: ServerCredentials

    /// Opens storage and credentials (generating them on first use). Does not listen yet.
    public init(configuration: APIServerConfiguration) async throws {
        self.configuration = configuration
        let log: any RevisionLog
        if configuration.inMemory {
            log = MemoryRevisionLog()
        } else {
            guard let directory = configuration.dataDirectory else {
                throw APIServerError.internalError("a data directory is required unless running in memory")
            }
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            log = try SQLiteRevisionLog(path: (directory as NSString).appendingPathComponent("state.db"))
        }
        let store = try ObjectStore(log: log, historyLimit: configuration.historyLimit)
        api = try await KubeAPI(store: store, advertisedAddress: "\(configuration.host):\(configuration.port)")
        let extraHosts = configuration.host == "0.0.0.0" || configuration.host == "::" ? [] : [configuration.host]
        if let directory = configuration.dataDirectory {
            credentials = try ServerCredentials.loadOrCreate(in: directory, extraHosts: extraHosts)
        } else {
            credentials = try ServerCredentials.generate(hosts: extraHosts)
        }
    }

    /// The URL clients use for a server bound to `port`.
    public func url(port: Int) -> String {
        let host = configuration.host == "0.0.0.0" ? "127.0.0.1" : configuration.host
        let shown = host.contains(":") ? "[\(host)]" : host
        return "\(configuration.tls ? "https" : "http")://\(shown):\(port)"
    }

    /// Serves until the task is cancelled. `onReady` gets the URL once the socket is listening
    /// (after the kubeconfig, if configured, was written).
    public func run(onReady: @escaping @Sendable (String) async -> Void = { _ in }) async throws {
        let responder = HTTPFront(api: api, token: credentials.token).responder
        let server: HTTPServerBuilder
        if configuration.tls {
            var tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(credentials.serverCertificatePEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(credentials.serverKeyPEM.utf8), format: .pem)))
            tls.applicationProtocols = ["http/1.1"]
            server = try .tls(.http1(), tlsConfiguration: tls)
        } else {
            server = .http1()
        }
        let kubeconfigPath = configuration.kubeconfigPath
        let credentials = self.credentials
        let tlsEnabled = configuration.tls
        var logger = Logger(label: "swiftflux.apiserver")
        logger.logLevel = configuration.logLevel
        let app = Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? 0
                let url = self.url(port: port)
                if let kubeconfigPath {
                    try? Kubeconfig.write(to: kubeconfigPath, serverURL: url,
                                          caCertificatePEM: tlsEnabled ? credentials.caCertificatePEM : nil, token: credentials.token)
                }
                await onReady(url)
            },
            logger: logger)
        let store = api.store
        let api = self.api
        let expiry = Task { await api.runEventExpiry() }
        defer { expiry.cancel() }
        try await withTaskCancellationHandler {
            try await app.run()
        } onCancel: {
            Task { await store.stopAllWatches() }
        }
    }
}
