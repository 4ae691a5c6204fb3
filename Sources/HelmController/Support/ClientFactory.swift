import Foundation
import Crypto
import FluxAPI
import KubeClient
import KubeModel

/// The Kubernetes client a HelmRelease's actions use (`buildRESTClientGetter`): the controller's
/// own cluster, or the cluster of `spec.kubeConfig.secretRef`; impersonating
/// `system:serviceaccount:<hr namespace>:<serviceAccountName>` (or `--default-service-account`)
/// when set; acting in the release namespace.
///
/// Remote clients are cached per kubeconfig content and shut down with the factory.
actor ClientFactory {
    let local: KubeClient
    let defaultServiceAccount: String
    private var remote: [String: KubeClient] = [:]

    init(local: KubeClient, defaultServiceAccount: String = "") {
        self.local = local
        self.defaultServiceAccount = defaultServiceAccount
    }

    enum Failure: Error, CustomStringConvertible {
        case secret(String, KubeClientError)
        case config(String)
        var description: String {
            switch self {
            case .secret(let name, let error): return "could not get KubeConfig secret '\(name)': \(error)"
            case .config(let m): return m
            }
        }
        /// The secret itself is missing (deletion then skips the uninstall).
        var isNotFound: Bool {
            if case .secret(_, let e) = self { return e.isNotFound }
            return false
        }
    }

    /// The client for `hr`'s actions.
    func client(for hr: HelmRelease) async throws(Failure) -> KubeClient {
        var base = local
        if let ref = hr.spec.kubeConfig?.secretRef {
            base = try await remoteClient(namespace: hr.namespace, name: ref.name, key: ref.key ?? "")
        }
        let account = nonEmpty(hr.spec.serviceAccountName) ?? nonEmpty(defaultServiceAccount)
        return base.with { config in
            config.namespace = hr.releaseNamespace
            if let account { config.impersonation = Impersonation(user: "system:serviceaccount:\(hr.namespace):\(account)") }
        }
    }

    private func remoteClient(namespace: String, name: String, key: String) async throws(Failure) -> KubeClient {
        let secretName = "\(namespace)/\(name)"
        let secret: Secret
        do { secret = try await local.get(Secret.self, namespace: namespace, name: name) } catch { throw .secret(secretName, error) }
        let data: [UInt8]
        if !key.isEmpty {
            guard let value = secret.value(key) else {
                throw .config("KubeConfig secret '\(secretName)' does not contain a '\(key)' key with data")
            }
            data = value
        } else if let value = secret.value("value") {
            data = value
        } else if let value = secret.value("value.yaml") {
            data = value
        } else {
            throw .config("KubeConfig secret '\(secretName)' does not contain a 'value' or 'value.yaml' key with data")
        }
        let cacheKey = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        if let cached = remote[cacheKey] { return cached }
        do {
            let config = try KubeConfig.parse(String(decoding: data, as: UTF8.self), source: "secret '\(secretName)'").clientConfig()
            let client = KubeClient(config: config, transport: try HTTPTransport(config: config))
            remote[cacheKey] = client
            return client
        } catch {
            throw .config("failed to load KubeConfig from secret '\(secretName)': \(error)")
        }
    }

    func shutdown() async {
        for client in remote.values { await client.shutdown() }
        remote = [:]
    }

    private func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }
}


