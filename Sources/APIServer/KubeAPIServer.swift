import APIServerCore
import Foundation
import Logging
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import NIOSSL
import Synchronization

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
    /// Seconds a connection may sit without a request in progress (this includes a TLS handshake
    /// that never finishes) before the server closes it.
    public var idleTimeout: Double = 90
    /// Connections served at once; beyond this the server stops accepting until some close.
    public var maxConnections: Int = 4096
    /// Named users with their own token and kubeconfig context (authorized by RBAC).
    public var users: [StaticUser] = []

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
            try DataDirectory.prepare(directory)
            let database = (directory as NSString).appendingPathComponent("state.db")
            try DataDirectory.prepareDatabase(database)
            log = try SQLiteRevisionLog(path: database)
        }
        let extraHosts = configuration.host == "0.0.0.0" || configuration.host == "::" ? [] : [configuration.host]
        let tokens: ServiceAccountTokens
        if let directory = configuration.dataDirectory {
            try DataDirectory.prepare(directory)
            credentials = try ServerCredentials.loadOrCreate(in: directory, extraHosts: extraHosts)
            tokens = ServiceAccountTokens(keyBytes: try DataDirectory.signingKey(in: directory))
        } else {
            credentials = try ServerCredentials.generate(hosts: extraHosts)
            tokens = .random()
        }
        let store = try ObjectStore(log: log, historyLimit: configuration.historyLimit)
        api = try await KubeAPI(store: store, advertisedAddress: "\(configuration.host):\(configuration.port)", tokens: tokens)
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
        var staticTokens: [String: UserInfo] = [:]
        for user in configuration.users { staticTokens[user.token(adminToken: credentials.token)] = user.userInfo }
        let responder = HTTPFront(api: api, token: credentials.token, users: staticTokens).responder
        let server: HTTPServerBuilder
        var http1 = HTTP1Channel.Configuration()
        http1.idleTimeout = .nanoseconds(Int64(max(0.001, configuration.idleTimeout) * 1_000_000_000))
        if configuration.tls {
            var tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMBytes(Array(credentials.serverCertificatePEM.utf8)).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(credentials.serverKeyPEM.utf8), format: .pem)))
            tls.applicationProtocols = ["http/1.1"]
            server = try .tls(.http1(configuration: http1), tlsConfiguration: tls)
        } else {
            server = .http1(configuration: http1)
        }
        let kubeconfigPath = configuration.kubeconfigPath
        let startup = StartupState()
        let users = configuration.users
        let credentials = self.credentials
        let tlsEnabled = configuration.tls
        var logger = Logger(label: "swiftflux.apiserver")
        logger.logLevel = configuration.logLevel
        let app = Application(
            responder: responder, server: server,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil,
                                 availableConnectionsDelegate: MaximumAvailableConnections(max(1, configuration.maxConnections))),
            onServerRunning: { [self] channel in
                let port = channel.localAddress?.port ?? 0
                let url = self.url(port: port)
                if let kubeconfigPath {
                    do {
                        try Kubeconfig.write(to: kubeconfigPath, serverURL: url,
                                             caCertificatePEM: tlsEnabled ? credentials.caCertificatePEM : nil, token: credentials.token,
                                             users: users.map { ($0.name, $0.token(adminToken: credentials.token)) })
                    } catch {
                        startup.fail("cannot write kubeconfig \(kubeconfigPath): \(error)")
                        return
                    }
                }
                await onReady(url)
            },
            logger: logger)
        let store = api.store
        let api = self.api
        let expiry = Task { await api.runEventExpiry() }
        defer { expiry.cancel() }
        let serving = Task { try await app.run() }
        startup.attach(serving)
        try await withTaskCancellationHandler {
            try await serving.value
        } onCancel: {
            serving.cancel()
            Task { await store.stopAllWatches() }
        }
        if let failure = startup.failure { throw APIServerError.internalError(failure) }
    }
}

/// Start-up faults found once the socket listens (an unwritable kubeconfig): recorded, and the
/// serving task is cancelled so `run` throws instead of serving half-configured.
final class StartupState: Sendable {
    private let state = Mutex<(failure: String?, task: Task<Void, any Error>?)>((nil, nil))

    var failure: String? { state.withLock { $0.failure } }

    func fail(_ message: String) {
        let task = state.withLock { s -> Task<Void, any Error>? in
            s.failure = message
            return s.task
        }
        task?.cancel()
    }

    func attach(_ task: Task<Void, any Error>) {
        let failed = state.withLock { s -> Bool in
            s.task = task
            return s.failure != nil
        }
        if failed { task.cancel() }
    }
}
