import Foundation
import GoCompat
import HelmActions
import KubeClient
import NIOCore

/// One command's connection to the cluster, opened on first use so that the steps Helm runs
/// before touching the cluster (chart loading, values) report their errors first.
final class HelmSession {
    let options: HelmClusterOptions
    /// The per-request timeout (`--timeout` of the action; 60 s when nil or not positive).
    let requestTimeout: GoDuration?
    let allNamespaces: Bool
    private var opened: Opened?

    private struct Opened {
        var config: ActionConfiguration
        var namespace: String
        var client: KubeClient
        var transport: HTTPTransport
        var server: String
    }

    init(options: HelmClusterOptions, requestTimeout: GoDuration?, allNamespaces: Bool = false) {
        self.options = options
        self.requestTimeout = requestTimeout
        self.allNamespaces = allNamespaces
    }

    private func open() throws -> Opened {
        if let opened { return opened }
        let config = try ClientConfig.load(kubeconfig: options.kubeconfig, context: options.context, namespace: options.namespace)
        let ns = options.namespace ?? (config.namespace.isEmpty ? "default" : config.namespace)
        var timeout = TimeAmount.seconds(60)
        if let requestTimeout, requestTimeout.nanoseconds > 0 { timeout = .nanoseconds(requestTimeout.nanoseconds) }
        let transport = try HTTPTransport(config: config, requestTimeout: timeout)
        let client = KubeClient(config: config, transport: transport)
        let action = ActionConfiguration(client: client, namespace: allNamespaces ? "" : ns)
        let o = Opened(config: action, namespace: ns, client: client, transport: transport, server: config.server)
        opened = o
        return o
    }

    /// The action configuration (release storage in the release namespace).
    func configuration() throws -> ActionConfiguration { try open().config }

    /// The release namespace: `--namespace`, else the context's, else `default`.
    func namespace() throws -> String { try open().namespace }

    /// Helm's `IsReachable`; see `HelmReachability.check`.
    func checkReachable() async throws {
        let o = try open()
        try await HelmReachability.check(o.client, transport: o.transport, server: o.server)
    }

    /// Shuts the transport down, if it was opened.
    func close() async {
        if let opened { try? await opened.transport.shutdown() }
        opened = nil
    }
}

extension HelmClusterOptions {
    /// Runs `body` with a session and closes it afterwards, whatever happens.
    func withSession<T>(requestTimeout: GoDuration? = nil, allNamespaces: Bool = false,
                        _ body: (HelmSession) async throws -> T) async throws -> T {
        let session = HelmSession(options: self, requestTimeout: requestTimeout, allNamespaces: allNamespaces)
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw error
        }
    }
}
