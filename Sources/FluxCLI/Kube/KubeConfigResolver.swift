import Foundation
import KubeClient

/// Finds the cluster the way kubectl (client-go's deferred loading rules) does, plus the embedded
/// server's kubeconfig: `--kubeconfig`, else every file of `$KUBECONFIG`, else `~/.kube/config`,
/// else `.swiftflux/kubeconfig` under the working directory (where `swiftflux up` writes it with
/// its defaults), else in-cluster; then applies the `--context`, `--cluster`, `--user`,
/// `--server`, `--token` and TLS flag overrides.
enum KubeConfigResolver {
    static let embeddedKubeconfig = ".swiftflux/kubeconfig"
    static let noConfiguration =
        "invalid configuration: no configuration has been provided, try setting KUBERNETES_MASTER environment variable"

    /// The merged kubeconfig (nil when no file applies).
    static func kubeConfig(_ options: GlobalOptions, _ environment: FluxEnvironment) throws(FluxCLIError) -> KubeConfig? {
        let fm = FileManager.default
        do {
            if !options.kubeconfig.isEmpty {
                let path = environment.resolve(options.kubeconfig)
                guard fm.fileExists(atPath: path) else { throw FluxCLIError("stat \(options.kubeconfig): no such file or directory") }
                return try KubeConfig.load(paths: [path], requireAll: true)
            }
            if let list = environment.variables["KUBECONFIG"], !list.isEmpty {
                let paths = list.split(separator: ":").map { environment.resolve(String($0)) }
                return try KubeConfig.load(paths: paths)
            }
            let home = environment.variables["HOME"] ?? NSHomeDirectory()
            let homeConfig = home + "/.kube/config"
            if fm.fileExists(atPath: homeConfig) { return try KubeConfig.load(paths: [homeConfig]) }
            let embedded = environment.resolve(embeddedKubeconfig)
            if fm.fileExists(atPath: embedded) { return try KubeConfig.load(paths: [embedded]) }
            return nil
        } catch let error as FluxCLIError {
            throw error
        } catch {
            throw FluxCLIError(String(describing: error))
        }
    }

    /// The client configuration for this invocation.
    static func clientConfig(_ options: GlobalOptions, _ environment: FluxEnvironment) throws(FluxCLIError) -> ClientConfig {
        var config: ClientConfig
        if var kube = try kubeConfig(options, environment),
           !(kube.contexts[options.context.isEmpty ? kube.currentContext : options.context] == nil && !options.server.isEmpty) {
            let contextName = options.context.isEmpty ? kube.currentContext : options.context
            if var context = kube.contexts[contextName] {
                if !options.cluster.isEmpty { context.cluster = options.cluster }
                if !options.user.isEmpty { context.user = options.user }
                kube.contexts[contextName] = context
            }
            if let name = kube.contexts[contextName]?.cluster, var cluster = kube.clusters[name], !options.server.isEmpty {
                cluster.server = options.server
                kube.clusters[name] = cluster
            }
            do {
                config = try kube.clientConfig(context: contextName.isEmpty ? nil : contextName)
            } catch {
                if kube.contexts.isEmpty { throw FluxCLIError(noConfiguration) }
                throw FluxCLIError(error.description)
            }
        } else if !options.server.isEmpty {
            config = ClientConfig(server: options.server)
        } else if let host = environment.variables["KUBERNETES_SERVICE_HOST"], !host.isEmpty {
            do { config = try ClientConfig.inCluster(environment: environment.variables) } catch {
                throw FluxCLIError(error.description)
            }
        } else {
            throw FluxCLIError(noConfiguration)
        }
        try applyOverrides(&config, options, environment)
        return config
    }

    private static func applyOverrides(_ config: inout ClientConfig, _ options: GlobalOptions,
                                       _ environment: FluxEnvironment) throws(FluxCLIError) {
        if !options.token.isEmpty { config.bearerToken = options.token }
        if options.insecureSkipTLSVerify { config.insecureSkipTLSVerify = true }
        if !options.tlsServerName.isEmpty { config.tlsServerName = options.tlsServerName }
        if !options.certificateAuthority.isEmpty {
            config.caData = try read(options.certificateAuthority, environment)
        }
        if !options.clientCertificate.isEmpty { config.clientCertificateData = try read(options.clientCertificate, environment) }
        if !options.clientKey.isEmpty { config.clientKeyData = try read(options.clientKey, environment) }
        if !options.impersonate.isEmpty {
            config.impersonation = Impersonation(user: options.impersonate, groups: options.impersonateGroups,
                                                 uid: options.impersonateUID.isEmpty ? nil : options.impersonateUID)
        }
        if options.qps > 0 { config.qps = options.qps }
        if options.burst > 0 { config.burst = options.burst }
        config.userAgent = "flux/v\(FluxVersion.cli)"
    }

    private static func read(_ path: String, _ environment: FluxEnvironment) throws(FluxCLIError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: environment.resolve(path)) else {
            throw FluxCLIError("open \(path): no such file or directory")
        }
        return Array(data)
    }
}
