import OCIRegistry
import SourceHTTP

/// A Secret's name, type and data, as the reconciler read it.
public struct SecretData: Sendable {
    public var name: String
    public var type: String
    public var data: [String: [UInt8]]

    public init(name: String, type: String = "Opaque", data: [String: [UInt8]]) {
        self.name = name
        self.type = type
        self.data = data
    }
}

/// What a HelmRepository's Secrets configure (source-controller's `getter.GetClientOpts`):
/// TLS from `.spec.certSecretRef` (or, deprecated, the TLS keys of `.spec.secretRef` for HTTP
/// repositories), basic credentials from `.spec.secretRef`, and for OCI repositories the
/// registry login derived from the same Secret (a dockerconfigjson Secret works too).
public struct HelmClientOptions: Sendable {
    public var tls: TLSClientSettings?
    public var basicAuth: BasicCredentials?
    /// OCI only: the registry login (nil is anonymous).
    public var registryCredentials: RegistryCredentials?
    /// TLS came from `.spec.secretRef` (`ErrDeprecatedTLSConfig`): the reconciler logs
    /// "warning: specifying TLS authentication data via `.spec.secretRef` is deprecated, please
    /// use `.spec.certSecretRef` instead" and carries on.
    public var deprecatedTLSConfig = false

    public init() {}

    /// - Throws: `.authentication` with source-controller's messages: "failed to construct Helm
    ///   client's TLS config: …", "failed to configure Helm client: invalid '<name>' secret data:
    ///   required fields 'username' and 'password'", "failed to configure login options: …".
    public static func from(url: String, oci: Bool, certSecret: SecretData?, authSecret: SecretData?) throws(HelmRepoError) -> HelmClientOptions {
        var options = HelmClientOptions()
        if let certSecret {
            do {
                options.tls = try TLSClientSettings.fromSecret(name: certSecret.name, type: certSecret.type, data: certSecret.data)
            } catch {
                throw HelmRepoError(.authentication, "failed to construct Helm client's TLS config: \(error.message)")
            }
        }
        guard let authSecret else { return options }
        do { options.basicAuth = try BasicCredentials.fromSecret(name: authSecret.name, data: authSecret.data) } catch {
            throw HelmRepoError(.authentication, "failed to configure Helm client: \(error.message)")
        }
        if options.tls == nil, !oci {
            do {
                options.tls = try TLSClientSettings.fromSecret(name: authSecret.name, type: authSecret.type, data: authSecret.data,
                                                               keys: .legacy, checkType: false)
            } catch {
                throw HelmRepoError(.authentication, "failed to construct Helm client's TLS config: \(error.message)")
            }
            options.deprecatedTLSConfig = options.tls != nil
        }
        if oci {
            do {
                options.registryCredentials = try RegistryCredentials.fromSecret(registryURL: url, name: authSecret.name,
                                                                                 type: authSecret.type, data: authSecret.data)
            } catch {
                throw HelmRepoError(.authentication, "failed to configure login options: \(error.message)")
            }
        }
        return options
    }
}
