import KubeModel

/// The one error type of KubeClient.
///
/// API failures carry the server's `Status` (decoded from the body, or synthesized from the HTTP
/// code when the body is not a `Status`), so callers test `error.status?.isNotFound` like
/// client-go's `apierrors.IsNotFound(err)`.
public enum KubeClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The API server answered with a failure `Status`.
    case api(Status)
    /// A kubeconfig or in-cluster configuration problem; the message names the file and field.
    case config(String)
    /// The request could not be sent or the connection failed.
    case transport(String)
    /// A response body could not be decoded.
    case decoding(String)
    /// The request could not be built (unknown kind, missing name, bad option).
    case invalidRequest(String)

    /// The API `Status`, when this is an API failure.
    public var status: Status? {
        if case .api(let s) = self { return s }
        return nil
    }

    public var isNotFound: Bool { status?.isNotFound ?? false }
    public var isConflict: Bool { status?.isConflict ?? false }
    public var isAlreadyExists: Bool { status?.isAlreadyExists ?? false }
    public var isInvalid: Bool { status?.isInvalid ?? false }
    public var isGone: Bool { status?.isGone ?? false }
    public var isForbidden: Bool { status?.isForbidden ?? false }
    public var isUnauthorized: Bool { status?.code == 401 }
    public var isTooManyRequests: Bool { status?.code == 429 }
    public var isTimeout: Bool { status?.reason == .timeout || status?.reason == .serverTimeout }

    public var description: String {
        switch self {
        case .api(let s): return s.message
        case .config(let m), .transport(let m), .decoding(let m), .invalidRequest(let m): return m
        }
    }
}
