/// The one error type of `ArtifactStorage`: every failure of digesting, storing, archiving,
/// extracting or collecting artifacts.
///
/// `message` is worded as source-controller v1.2.2 and fluxcd/pkg word the same failure, so a
/// reconciler can put it into a condition or event unchanged (for example
/// `computed digest doesn't match 'sha256:…'`).
public struct ArtifactStorageError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public enum Kind: String, Sendable, Equatable {
        /// A digest string or algorithm name is malformed or unsupported.
        case invalidDigest
        /// The stored file's digest differs from the expected one.
        case digestMismatch
        /// A path is empty, escapes its root or is not of the expected type.
        case invalidPath
        /// A file-system operation (open, write, rename, stat, …) failed.
        case io
        /// Another writer holds the artifact's lock and the wait was abandoned.
        case lock
        /// An archive could not be written or read (gzip or tar level).
        case archive
        /// An archive or download exceeded its size limit.
        case sizeLimit
        /// An operation outlived its deadline.
        case timeout
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
