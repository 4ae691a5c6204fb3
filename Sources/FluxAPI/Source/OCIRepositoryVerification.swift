import KubeModel
import StructuredData

/// `HelmChart.spec.verify` (source.toolkit.fluxcd.io/v1beta2), `OCIRepository.spec.verify` (source.toolkit.fluxcd.io/v1beta2).
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

/// `HelmChart.spec.verify.matchOIDCIdentity[]` (source.toolkit.fluxcd.io/v1beta2), `OCIRepository.spec.verify.matchOIDCIdentity[]` (source.toolkit.fluxcd.io/v1beta2).
public struct OIDCIdentityMatch: Codable, Sendable, Hashable {
    public var issuer: String
    public var subject: String
    public var unknownFields = UnknownFields()

    public init(issuer: String, subject: String) {
        self.issuer = issuer
        self.subject = subject
    }
}
