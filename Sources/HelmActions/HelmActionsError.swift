import KubeClient

/// The one error type of HelmActions. Messages match Helm 3.13's wording where Helm defines one.
public enum HelmActionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `release: not found` (driver `ErrReleaseNotFound`).
    case releaseNotFound
    /// `release: already exists` (driver `ErrReleaseExists`).
    case releaseExists
    /// `release: invalid key`.
    case invalidKey
    /// `"<name>" has no deployed releases` (driver `ErrNoDeployedReleases`).
    case noDeployedReleases(String)
    /// A stored record could not be decoded; the message says why.
    case decoding(String)
    /// A Kubernetes API failure: Helm's context prefix (e.g. `create: failed to create`) and the
    /// client's error, which keeps the server's `Status` (`error.isNotFound`, …).
    case kube(String, KubeClientError)
    /// Any other failure, already worded as Helm words it.
    case message(String)

    /// The Kubernetes client error behind a `.kube` failure.
    public var kubeError: KubeClientError? {
        if case .kube(_, let e) = self { return e }
        return nil
    }

    public var description: String {
        switch self {
        case .releaseNotFound: return "release: not found"
        case .releaseExists: return "release: already exists"
        case .invalidKey: return "release: invalid key"
        case .noDeployedReleases(let name): return "\"\(name)\" has no deployed releases"
        case .kube(let context, let error): return "\(context): \(error)"
        case .decoding(let m), .message(let m): return m
        }
    }
}
