import FluxAPI
import HelmRepo
import KubeClient
import KubeModel

extension SourceContext {
    /// source-controller's `getter.GetClientOpts`: the TLS and credential options of a
    /// HelmRepository, read from its Secrets (`.spec.certSecretRef` first, then `.spec.secretRef`;
    /// for OCI also the registry login).
    /// - Returns: the options; `deprecatedTLSConfig` is set when TLS came from `.spec.secretRef`
    ///   (upstream's `ErrDeprecatedTLSConfig`, which callers only log).
    /// - Throws: the message upstream puts in `FetchFailed`, e.g. "failed to get authentication
    ///   secret '<ns>/<name>': secrets \"<name>\" not found".
    func clientOptions(for repository: HelmRepository, url: String) async throws(SourceError) -> HelmClientOptions {
        let namespace = repository.namespace
        let oci = repository.repositoryType == .oci
        var certSecret: SecretData?
        if let ref = repository.spec.certSecretRef {
            certSecret = try await secret(ref.name, namespace: namespace, what: "TLS authentication secret")
        }
        var authSecret: SecretData?
        if let ref = repository.spec.secretRef {
            authSecret = try await secret(ref.name, namespace: namespace, what: "authentication secret")
        } else if oci, let provider = repository.spec.provider, provider != .generic {
            throw SourceError.generic(
                "failed to get credential from '\(provider.rawValue)': cloud provider authentication is not supported by SwiftFlux",
                reason: SourceReason.authenticationFailed)
        }
        do {
            return try HelmClientOptions.from(url: url, oci: oci, certSecret: certSecret, authSecret: authSecret)
        } catch {
            throw SourceError.generic(error.message, reason: SourceReason.authenticationFailed)
        }
    }

    /// Reads a Secret from the API server (source-controller does not cache Secrets).
    func secret(_ name: String, namespace: String, what: String) async throws(SourceError) -> SecretData {
        do {
            let secret = try await client.get(Secret.self, namespace: namespace, name: name)
            var data: [String: [UInt8]] = [:]
            for key in Set((secret.data ?? [:]).keys).union((secret.stringData ?? [:]).keys) {
                if let value = secret.value(key) { data[key] = value }
            }
            return SecretData(name: name, type: secret.type ?? "", data: data)
        } catch {
            throw SourceError.generic("failed to get \(what) '\(namespace)/\(name)': \(error.description)",
                                      reason: SourceReason.authenticationFailed)
        }
    }
}
