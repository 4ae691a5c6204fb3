/// The one error type of `HelmRepo`: fetching indexes, resolving versions, downloading,
/// verifying and packaging charts.
///
/// Chart builds carry source-controller's `BuildError` reason (`buildReason`) and read
/// `<summary>: <cause>` (`invalid chart reference: failed to get chart version for remote
/// reference: no 'podinfo' chart with version matching '9.x' found`), so the reconciler maps
/// `buildReason.reason` to the condition reason and `message` to its message unchanged.
public struct HelmRepoError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// A repository or chart URL is malformed (`URLInvalid`, stalling).
        case invalidURL
        /// Credentials or TLS material are unusable, or the server refused them.
        case authentication
        /// The index or chart could not be downloaded.
        case fetch
        /// The index does not parse or validate (`IndexationFailed`).
        case index
        /// The requested chart or version is not in the repository (`ErrReference`).
        case reference
        /// A download exceeded its size limit.
        case sizeLimit
        /// A chart build failed; see `buildReason`.
        case build
        /// The index cache refused an entry ("Cache is full").
        case cache
    }

    public var kind: Kind
    public var message: String
    /// The chart builder's reason, for `.build` errors.
    public var buildReason: ChartBuildReason?

    public init(_ kind: Kind, _ message: String, buildReason: ChartBuildReason? = nil) {
        self.kind = kind
        self.message = message
        self.buildReason = buildReason
    }

    public var description: String { message }

    /// A build error `<summary>: <cause>` with `reason`.
    static func build(_ reason: ChartBuildReason, _ cause: String) -> HelmRepoError {
        HelmRepoError(.build, reason.summary.isEmpty ? cause : "\(reason.summary): \(cause)", buildReason: reason)
    }
}

/// source-controller's `chart.BuildErrorReason`: a condition reason and a human summary.
public struct ChartBuildReason: Sendable, Equatable, Hashable {
    /// CamelCase condition reason (`InvalidChartReference`).
    public let reason: String
    /// Human summary used as the message prefix (`invalid chart reference`).
    public let summary: String

    public static let chartReference = ChartBuildReason(reason: "InvalidChartReference", summary: "invalid chart reference")
    public static let chartPull = ChartBuildReason(reason: "ChartPullError", summary: "chart pull error")
    public static let metadataPatch = ChartBuildReason(reason: "MetadataPatchError", summary: "chart metadata patch error")
    public static let valuesFilesMerge = ChartBuildReason(reason: "ValuesFilesError", summary: "values files merge error")
    public static let dependencyBuild = ChartBuildReason(reason: "DependencyBuildError", summary: "dependency build error")
    public static let chartPackage = ChartBuildReason(reason: "ChartPackageError", summary: "chart package error")
    public static let chartVerification = ChartBuildReason(reason: "ChartVerificationError", summary: "chart verification error")
    public static let unknown = ChartBuildReason(reason: "Unknown", summary: "unknown build error")

    /// Reasons that will not go away by retrying (`IsPersistentBuildErrorReason`): the
    /// reconciler marks the object Stalled.
    public var isPersistent: Bool { self == .chartReference || self == .metadataPatch || self == .valuesFilesMerge }
}
