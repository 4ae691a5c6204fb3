/// The one error type of `ArtifactHTTP`: serving and fetching artifacts over HTTP.
///
/// Fetch messages follow fluxcd/pkg `http/fetch` v0.7.0 (`failed to download archive: …`,
/// `failed to verify archive: …`, `failed to extract archive (…): …`); a 404 is the distinct
/// `.fileNotFound` ("file not found", fetch's `ErrFileNotFound`) on which consumers requeue
/// after `--requeue-dependency` instead of failing.
public struct ArtifactHTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The artifact server answered 404.
        case fileNotFound
        /// The request could not be made or kept failing after the retries.
        case download
        /// The download exceeded its size limit.
        case sizeLimit
        /// The digest is missing, malformed, or does not match the downloaded bytes.
        case verification
        /// The tarball could not be extracted safely.
        case extraction
        /// A listen or advertised address is malformed.
        case address
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// fetch's `ErrFileNotFound`.
    public static let fileNotFound = ArtifactHTTPError(.fileNotFound, "file not found")

    public var description: String { message }
}
