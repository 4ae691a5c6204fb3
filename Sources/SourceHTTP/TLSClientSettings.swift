import NIOSSL

/// Client TLS material from a Secret: an optional client certificate and key, and an optional
/// CA bundle added to the system roots (source-controller `internal/tls`). Converts to a
/// NIOSSL `TLSConfiguration` for AsyncHTTPClient's per-request TLS.
public struct TLSClientSettings: Sendable, Equatable {
    public var certificatePEM: [UInt8]?
    public var keyPEM: [UInt8]?
    public var caPEM: [UInt8]?
    /// Skip server certificate verification (HelmRepository `insecure` never sets this; it is
    /// for plain-HTTP registries only and exists for tests).
    public var insecureSkipVerify = false

    public init(certificatePEM: [UInt8]? = nil, keyPEM: [UInt8]? = nil, caPEM: [UInt8]? = nil) {
        self.certificatePEM = certificatePEM
        self.keyPEM = keyPEM
        self.caPEM = caPEM
    }

    /// Which keys the Secret uses.
    public enum SecretKeys: Sendable {
        /// `tls.crt`, `tls.key`, `ca.crt` (`.spec.certSecretRef`).
        case kubernetes
        /// `certFile`, `keyFile`, `caFile` (the deprecated `.spec.secretRef` TLS data).
        case legacy
    }

    /// Reads TLS data from a Secret's `data` (`tlsClientConfigFromSecret`). Returns nil when
    /// the Secret holds none of the keys.
    /// - Parameters:
    ///   - checkType: refuse Secret types other than blank, `Opaque` and `kubernetes.io/tls`.
    /// - Throws: `.invalidSecret` with source-controller's messages: "cannot use secret '<name>'
    ///   to construct TLS config: invalid secret type: '<type>'", "invalid '<name>' secret data:
    ///   both certificate and private key need to be provided", "tls: failed to find any PEM data
    ///   in certificate input", "cannot append certificate into certificate pool: invalid CA
    ///   certificate".
    public static func fromSecret(name: String, type: String, data: [String: [UInt8]], keys: SecretKeys = .kubernetes,
                                  checkType: Bool = true) throws(SourceHTTPError) -> TLSClientSettings? {
        if checkType, !["", "Opaque", "kubernetes.io/tls"].contains(type) {
            throw SourceHTTPError(.invalidSecret, "cannot use secret '\(name)' to construct TLS config: invalid secret type: '\(type)'")
        }
        let names = keys == .kubernetes ? ("tls.crt", "tls.key", "ca.crt") : ("certFile", "keyFile", "caFile")
        let cert = data[names.0].flatMap { $0.isEmpty ? nil : $0 }
        let key = data[names.1].flatMap { $0.isEmpty ? nil : $0 }
        let ca = data[names.2].flatMap { $0.isEmpty ? nil : $0 }
        if cert == nil, key == nil, ca == nil { return nil }
        if (cert == nil) != (key == nil) {
            throw SourceHTTPError(.invalidSecret, "invalid '\(name)' secret data: both certificate and private key need to be provided")
        }
        let settings = TLSClientSettings(certificatePEM: cert, keyPEM: key, caPEM: ca)
        _ = try settings.configuration()
        return settings
    }

    /// The NIOSSL client configuration: TLS ≥ 1.2, system roots plus the CA bundle, the client
    /// certificate chain and key.
    public func configuration() throws(SourceHTTPError) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.minimumTLSVersion = .tlsv12
        if let certificatePEM, let keyPEM {
            let chain: [NIOSSLCertificate]
            do { chain = try NIOSSLCertificate.fromPEMBytes(certificatePEM) } catch {
                throw SourceHTTPError(.invalidSecret, "tls: failed to find any PEM data in certificate input")
            }
            guard !chain.isEmpty else { throw SourceHTTPError(.invalidSecret, "tls: failed to find any PEM data in certificate input") }
            let key: NIOSSLPrivateKey
            do { key = try NIOSSLPrivateKey(bytes: keyPEM, format: .pem) } catch {
                throw SourceHTTPError(.invalidSecret, "tls: failed to find any PEM data in key input")
            }
            tls.certificateChain = chain.map { .certificate($0) }
            tls.privateKey = .privateKey(key)
        }
        if let caPEM {
            let roots: [NIOSSLCertificate]
            do { roots = try NIOSSLCertificate.fromPEMBytes(caPEM) } catch {
                throw SourceHTTPError(.invalidSecret, "cannot append certificate into certificate pool: invalid CA certificate")
            }
            guard !roots.isEmpty else {
                throw SourceHTTPError(.invalidSecret, "cannot append certificate into certificate pool: invalid CA certificate")
            }
            tls.additionalTrustRoots = [.certificates(roots)]
        }
        if insecureSkipVerify { tls.certificateVerification = .none }
        return tls
    }
}
