import StructuredData

/// A kubeconfig file (or several merged), as `clientcmd` reads it.
///
/// Merging follows client-go's `KUBECONFIG` rules: the first file that defines a named cluster,
/// user or context wins, and so does the first `current-context`. Relative file paths in an entry
/// are resolved against the directory of the file that defined it.
public struct KubeConfig: Sendable, Equatable {
    public struct Cluster: Sendable, Equatable {
        public var server: String
        public var certificateAuthority: String?
        public var certificateAuthorityData: String?
        public var insecureSkipTLSVerify: Bool
        public var tlsServerName: String?
    }

    public struct User: Sendable, Equatable {
        public var clientCertificate: String?
        public var clientCertificateData: String?
        public var clientKey: String?
        public var clientKeyData: String?
        public var token: String?
        public var tokenFile: String?
        public var username: String?
        public var password: String?
        public var impersonate: String?
        public var impersonateGroups: [String]
        public var impersonateUID: String?
        public var hasExec: Bool
    }

    public struct Context: Sendable, Equatable {
        public var cluster: String
        public var user: String
        public var namespace: String?
    }

    public var currentContext: String
    public var clusters: [String: Cluster]
    public var users: [String: User]
    public var contexts: [String: Context]

    public init(currentContext: String = "", clusters: [String: Cluster] = [:], users: [String: User] = [:],
                contexts: [String: Context] = [:]) {
        self.currentContext = currentContext
        self.clusters = clusters
        self.users = users
        self.contexts = contexts
    }

    /// Parses one kubeconfig document. `directory` resolves relative paths (`nil` keeps them as written).
    /// - Throws: `KubeClientError.config` naming `source` and what is wrong.
    public static func parse(_ text: String, source: String = "kubeconfig", directory: String? = nil)
        throws(KubeClientError) -> KubeConfig
    {
        let doc: JSONValue
        do { doc = try YAML.parse(text) } catch {
            throw .config("error loading config file \"\(source)\": \(error.description)")
        }
        if doc.isNull { return KubeConfig() }
        guard doc.objectValue != nil else {
            throw .config("error loading config file \"\(source)\": expected a mapping, got \(doc.typeName)")
        }
        func resolve(_ path: String?) -> String? {
            guard let path, !path.isEmpty else { return nil }
            guard let directory, !path.hasPrefix("/") else { return path }
            return directory + "/" + path
        }
        func named(_ key: String) throws(KubeClientError) -> [(String, JSONValue)] {
            guard let list = doc[key], !list.isNull else { return [] }
            guard let items = list.arrayValue else {
                throw .config("error loading config file \"\(source)\": \(key) must be a list, got \(list.typeName)")
            }
            var out: [(String, JSONValue)] = []
            for (i, item) in items.enumerated() {
                guard let name = item["name"]?.stringValue, !name.isEmpty else {
                    throw .config("error loading config file \"\(source)\": \(key)[\(i)] has no name")
                }
                out.append((name, item))
            }
            return out
        }
        var config = KubeConfig(currentContext: doc["current-context"]?.stringValue ?? "")
        for (name, item) in try named("clusters") where config.clusters[name] == nil {
            let c = item["cluster"] ?? [:]
            config.clusters[name] = Cluster(
                server: c["server"]?.stringValue ?? "",
                certificateAuthority: resolve(c["certificate-authority"]?.stringValue),
                certificateAuthorityData: c["certificate-authority-data"]?.stringValue,
                insecureSkipTLSVerify: c["insecure-skip-tls-verify"]?.boolValue ?? false,
                tlsServerName: c["tls-server-name"]?.stringValue)
        }
        for (name, item) in try named("users") where config.users[name] == nil {
            let u = item["user"] ?? [:]
            config.users[name] = User(
                clientCertificate: resolve(u["client-certificate"]?.stringValue),
                clientCertificateData: u["client-certificate-data"]?.stringValue,
                clientKey: resolve(u["client-key"]?.stringValue),
                clientKeyData: u["client-key-data"]?.stringValue,
                token: u["token"]?.stringValue,
                tokenFile: resolve(u["tokenFile"]?.stringValue),
                username: u["username"]?.stringValue,
                password: u["password"]?.stringValue,
                impersonate: u["as"]?.stringValue,
                impersonateGroups: (u["as-groups"]?.arrayValue ?? []).compactMap(\.stringValue),
                impersonateUID: u["as-uid"]?.stringValue,
                hasExec: u["exec"] != nil && u["exec"]?.isNull == false)
        }
        for (name, item) in try named("contexts") where config.contexts[name] == nil {
            let c = item["context"] ?? [:]
            config.contexts[name] = Context(
                cluster: c["cluster"]?.stringValue ?? "", user: c["user"]?.stringValue ?? "",
                namespace: c["namespace"]?.stringValue)
        }
        return config
    }

    /// Merges `other` under `self`: entries and the current context already set here win.
    public func merging(_ other: KubeConfig) -> KubeConfig {
        var merged = self
        if merged.currentContext.isEmpty { merged.currentContext = other.currentContext }
        merged.clusters.merge(other.clusters) { mine, _ in mine }
        merged.users.merge(other.users) { mine, _ in mine }
        merged.contexts.merge(other.contexts) { mine, _ in mine }
        return merged
    }
}
