/// The one error type of `SourceHTTP`: TLS material and HTTP plumbing shared by the artifact
/// fetcher, the OCI registry client and the Helm repository client. Messages follow
/// source-controller's wording where it defines one.
public struct SourceHTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// TLS or credential material in a Secret is incomplete or invalid.
        case invalidSecret
        /// A transport-level failure (connection, TLS handshake, timeout).
        case transport
        /// A response body exceeded its size limit.
        case sizeLimit
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
