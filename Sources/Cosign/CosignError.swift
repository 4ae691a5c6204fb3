/// The one error type of `Cosign`. Messages follow cosign v2.2.2's (`no matching signatures:
/// …`, `none of the expected identities matched what was in the certificate, got subjects [..]
/// with issuer …`), which source-controller embeds in the `SourceVerified` condition.
public struct CosignError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// No signature verified (`ErrNoMatchingSignatures`); `message` lists why each failed.
        case noMatchingSignatures
        /// The signed image's tag does not exist (`ErrImageTagNotFound`).
        case imageTagNotFound
        /// Key, certificate or trust-root material is unusable.
        case invalidKey
        /// A registry exchange failed.
        case registry
        /// One signature failed a check (used inside `noMatchingSignatures`).
        case verification
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// source-controller v1.2.2's words around cosign verification, for the reconcilers
/// (`internal/controller/helmchart_controller.go`, `ocirepository_controller.go`,
/// `internal/helm/repository/oci_chart_repository.go`).
public enum SourceVerifiedMessages {
    /// `SourceVerified=True/Succeeded` of a HelmChart: "verified signature of version <version>".
    public static func verifiedVersion(_ version: String) -> String { "verified signature of version \(version)" }
    /// `SourceVerified=True/Succeeded` of an OCIRepository: "verified signature of revision <revision>".
    public static func verifiedRevision(_ revision: String) -> String { "verified signature of revision \(revision)" }
    /// Making the verifiers failed (`VerificationError`): provider is `cosign`, or
    /// `cosign keyless` without a Secret.
    public static func providerFailed(provider: String, keyless: Bool, _ error: String) -> String {
        "failed to verify the signature using provider '\(keyless ? provider + " keyless" : provider)': \(error)"
    }
    /// A verification Secret without `*.pub` keys ("<namespace>/<name>").
    public static func noPublicKeys(secret: String) -> String { "no public keys found in secret '\(secret)'" }
    public static func unsupportedProvider(_ provider: String) -> String { "unsupported verification provider: \(provider)" }
    /// A verifier failed on the chart at `url` (the chart's `oci://…:version` URL).
    public static func failedToVerify(_ url: String, _ error: String) -> String { "failed to verify \(url): \(error)" }
    /// No verifier accepted any signature of `reference` (`registry/repo:tag`).
    public static func noMatchingSignatures(_ reference: String) -> String { "no matching signatures were found for '\(reference)'" }
    /// The build-error prefix of a failed chart verification (`ChartVerificationError`).
    public static let chartVerificationError = "chart verification error"
}
