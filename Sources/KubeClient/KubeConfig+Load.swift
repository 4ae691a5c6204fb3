import Foundation

extension KubeConfig {
    /// Loads and merges the files of a `KUBECONFIG`-style list. Missing files are skipped (as
    /// client-go does for the precedence list) unless `requireAll` is set (an explicit `--kubeconfig`);
    /// an unreadable or unparsable file is always an error naming it.
    public static func load(paths: [String], requireAll: Bool = false) throws(KubeClientError) -> KubeConfig {
        var merged = KubeConfig()
        var seen = Set<String>()
        for path in paths where !path.isEmpty && seen.insert(path).inserted {
            guard FileManager.default.fileExists(atPath: path) else {
                if requireAll { throw .config("error loading config file \"\(path)\": no such file or directory") }
                continue
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw .config("error loading config file \"\(path)\": the file is not readable")
            }
            let text = String(decoding: data, as: UTF8.self)
            let directory = (path as NSString).deletingLastPathComponent
            merged = merged.merging(try parse(text, source: path, directory: directory.isEmpty ? "." : directory))
        }
        return merged
    }

    /// The default loading rules: `$KUBECONFIG` (`:`-separated) if set, else `~/.kube/config`.
    public static func loadDefault(environment: [String: String] = ProcessInfo.processInfo.environment)
        throws(KubeClientError) -> KubeConfig
    {
        if let list = environment["KUBECONFIG"], !list.isEmpty {
            return try load(paths: list.split(separator: ":").map(String.init))
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return try load(paths: [home + "/.kube/config"])
    }

    /// Resolves a context (the current one unless `context` is given) into a `ClientConfig`,
    /// reading referenced certificate, key and CA files and decoding `*-data` fields.
    /// - Throws: `KubeClientError.config` naming the missing context, cluster, user or file.
    public func clientConfig(context: String? = nil, namespace: String? = nil) throws(KubeClientError) -> ClientConfig {
        let contextName = context ?? currentContext
        if contextName.isEmpty {
            throw .config("invalid configuration: no configuration has been provided (no current-context is set)")
        }
        guard let ctx = contexts[contextName] else {
            throw .config("invalid configuration: context was not found for specified context: \(contextName)")
        }
        guard let cluster = clusters[ctx.cluster] else {
            throw .config("invalid configuration: cluster \"\(ctx.cluster)\" not found for context \"\(contextName)\"")
        }
        if cluster.server.isEmpty {
            throw .config("invalid configuration: cluster \"\(ctx.cluster)\" has no server defined")
        }
        let user = users[ctx.user]
        if !ctx.user.isEmpty && user == nil {
            throw .config("invalid configuration: user \"\(ctx.user)\" not found for context \"\(contextName)\"")
        }
        if user?.hasExec == true && user?.token == nil && user?.tokenFile == nil && user?.clientCertificateData == nil
            && user?.clientCertificate == nil
        {
            throw .config("user \"\(ctx.user)\": exec credential plugins are not supported")
        }
        var config = ClientConfig(server: cluster.server)
        config.insecureSkipTLSVerify = cluster.insecureSkipTLSVerify
        config.tlsServerName = cluster.tlsServerName
        config.caData = try Self.material(data: cluster.certificateAuthorityData, file: cluster.certificateAuthority,
                                          what: "certificate-authority", owner: "cluster \"\(ctx.cluster)\"")
        if let user {
            let owner = "user \"\(ctx.user)\""
            config.clientCertificateData = try Self.material(data: user.clientCertificateData, file: user.clientCertificate,
                                                             what: "client-cert", owner: owner)
            config.clientKeyData = try Self.material(data: user.clientKeyData, file: user.clientKey,
                                                     what: "client-key", owner: owner)
            if (config.clientCertificateData == nil) != (config.clientKeyData == nil) {
                throw .config("invalid configuration: \(owner) must set both a client certificate and a client key")
            }
            config.bearerToken = user.token.flatMap { $0.isEmpty ? nil : $0 }
            config.bearerTokenFile = user.tokenFile
            if config.bearerToken == nil, let file = user.tokenFile {
                config.bearerToken = try Self.readToken(file, owner: owner)
            }
            config.username = user.username
            config.password = user.password
            if let who = user.impersonate, !who.isEmpty {
                config.impersonation = Impersonation(user: who, groups: user.impersonateGroups, uid: user.impersonateUID)
            }
        }
        config.namespace = namespace ?? ctx.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return config
    }

    /// Base64 `*-data` wins over the file; errors name the field and its owner.
    static func material(data: String?, file: String?, what: String, owner: String) throws(KubeClientError) -> [UInt8]? {
        if let data, !data.isEmpty {
            guard let decoded = Data(base64Encoded: data, options: .ignoreUnknownCharacters) else {
                throw .config("invalid configuration: \(what)-data for \(owner) is not valid base64")
            }
            return Array(decoded)
        }
        if let file, !file.isEmpty {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw .config("unable to read \(what) \(file) for \(owner): no such file or not readable")
            }
            return Array(contents)
        }
        return nil
    }

    static func readToken(_ file: String, owner: String) throws(KubeClientError) -> String {
        guard let contents = FileManager.default.contents(atPath: file) else {
            throw .config("unable to read tokenFile \(file) for \(owner): no such file or not readable")
        }
        return String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension ClientConfig {
    /// The in-cluster configuration (`rest.InClusterConfig`): `KUBERNETES_SERVICE_HOST`/`_PORT`,
    /// the service-account token (re-read on each request), CA and namespace under `root`.
    /// - Throws: `KubeClientError.config` when not running in a cluster or a file is unreadable.
    public static func inCluster(environment: [String: String] = ProcessInfo.processInfo.environment,
                                 root: String = "/var/run/secrets/kubernetes.io/serviceaccount")
        throws(KubeClientError) -> ClientConfig
    {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty,
              let port = environment["KUBERNETES_SERVICE_PORT"], !port.isEmpty
        else {
            throw .config("unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let tokenFile = root + "/token"
        let token = try KubeConfig.readToken(tokenFile, owner: "the service account")
        guard let ca = FileManager.default.contents(atPath: root + "/ca.crt") else {
            throw .config("unable to read in-cluster CA \(root)/ca.crt: no such file or not readable")
        }
        var config = ClientConfig(server: "https://\(hostPart):\(port)", caData: Array(ca), bearerToken: token,
                                  bearerTokenFile: tokenFile)
        if let ns = FileManager.default.contents(atPath: root + "/namespace") {
            let namespace = String(decoding: ns, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if !namespace.isEmpty { config.namespace = namespace }
        }
        return config
    }
}
