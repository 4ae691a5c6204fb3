import KubeModel
import StructuredData

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
