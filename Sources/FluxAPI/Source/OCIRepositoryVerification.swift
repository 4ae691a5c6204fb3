import KubeModel
import StructuredData

/// `spec.verify` of OCIRepository and HelmChart: cosign verification with the keys in `secretRef`,
/// or keyless when it is absent (matching any of `matchOIDCIdentity`).
public struct OCIRepositoryVerification: Codable, Sendable, Hashable {
    public var provider: VerificationProvider
    public var secretRef: LocalObjectReference?
    public var matchOIDCIdentity: [OIDCIdentityMatch]?
    public var unknownFields = UnknownFields()

    public init(provider: VerificationProvider) {
        self.provider = provider
    }
}

/// `HelmChart.spec.verify.provider`: `cosign`.
public enum VerificationProvider: String, FluxEnum {
    case cosign = "cosign"
}

/// `spec.verify.matchOIDCIdentity[]`: `issuer` and `subject` are Go regular expressions.
public struct OIDCIdentityMatch: Codable, Sendable, Hashable {
    public var issuer: String
    public var subject: String
    public var unknownFields = UnknownFields()

    public init(issuer: String, subject: String) {
        self.issuer = issuer
        self.subject = subject
    }
}
