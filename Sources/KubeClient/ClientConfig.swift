/// Everything needed to talk to one API server: where, how to trust it, who we are.
/// Built from a kubeconfig (`KubeConfig.clientConfig`) or in-cluster (`ClientConfig.inCluster`).
public struct ClientConfig: Sendable, Equatable {
    /// Base URL, e.g. `https://127.0.0.1:6443`.
    public var server: String
    /// PEM bundle of CAs to trust; `nil` uses the system roots.
    public var caData: [UInt8]?
    public var insecureSkipTLSVerify: Bool
    /// TLS server name override.
    public var tlsServerName: String?
    /// PEM client certificate (chain) and key.
    public var clientCertificateData: [UInt8]?
    public var clientKeyData: [UInt8]?
    public var bearerToken: String?
    /// A file re-read on every request (service-account tokens rotate).
    public var bearerTokenFile: String?
    public var username: String?
    public var password: String?
    /// The default namespace (`default` when the context sets none).
    public var namespace: String
    public var impersonation: Impersonation?
    /// Client-side rate limit: sustained requests per second and burst (client-go defaults 5/10).
    public var qps: Double
    public var burst: Int
    public var userAgent: String

    public init(server: String, caData: [UInt8]? = nil, insecureSkipTLSVerify: Bool = false, tlsServerName: String? = nil,
                clientCertificateData: [UInt8]? = nil, clientKeyData: [UInt8]? = nil, bearerToken: String? = nil,
                bearerTokenFile: String? = nil, username: String? = nil, password: String? = nil,
                namespace: String = "default", impersonation: Impersonation? = nil, qps: Double = 5, burst: Int = 10,
                userAgent: String = "swiftflux") {
        self.server = server
        self.caData = caData
        self.insecureSkipTLSVerify = insecureSkipTLSVerify
        self.tlsServerName = tlsServerName
        self.clientCertificateData = clientCertificateData
        self.clientKeyData = clientKeyData
        self.bearerToken = bearerToken
        self.bearerTokenFile = bearerTokenFile
        self.username = username
        self.password = password
        self.namespace = namespace
        self.impersonation = impersonation
        self.qps = qps
        self.burst = burst
        self.userAgent = userAgent
    }
}

/// Impersonation (`kubectl --as`, `--as-group`, `--as-uid`), sent as `Impersonate-*` headers.
public struct Impersonation: Sendable, Equatable {
    public var user: String
    public var groups: [String]
    public var uid: String?
    public var extra: [String: [String]]

    public init(user: String, groups: [String] = [], uid: String? = nil, extra: [String: [String]] = [:]) {
        self.user = user
        self.groups = groups
        self.uid = uid
        self.extra = extra
    }

    /// The headers, one `Impersonate-Group` per group and one `Impersonate-Extra-<key>` per value.
    public var headers: [KubeRequest.Header] {
        var h: [KubeRequest.Header] = [.init("Impersonate-User", user)]
        for g in groups { h.append(.init("Impersonate-Group", g)) }
        if let uid { h.append(.init("Impersonate-Uid", uid)) }
        for key in extra.keys.sorted() {
            for v in extra[key] ?? [] { h.append(.init("Impersonate-Extra-" + KubeRequest.escapeQuery(key), v)) }
        }
        return h
    }
}
