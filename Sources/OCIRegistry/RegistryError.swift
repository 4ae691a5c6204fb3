/// The one error type of `OCIRegistry`.
///
/// HTTP failures read like oras-go's (Helm's registry client): `<METHOD> "<url>": unexpected
/// status code <n>: <code>: <message>`, the registry's error codes lower-cased with `_` as
/// spaces (`manifest unknown: manifest unknown`), or the HTTP status text when the body has
/// none. `statusCode` and `codes` let callers branch (401 → `AuthenticationFailed`).
public struct RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The registry answered with an unexpected status.
        case status
        /// Credentials were refused or a token could not be obtained.
        case unauthorized
        /// The connection or TLS failed.
        case transport
        /// A reference, URL or credential string is malformed.
        case invalidReference
        /// A manifest, index or token response is not what the API promises.
        case invalidResponse
        /// Content does not match its digest.
        case digestMismatch
        /// Content is larger than allowed.
        case sizeLimit
        /// A Secret holds unusable credentials.
        case invalidSecret
        /// No manifest or layer matches what was asked for.
        case notFound
    }

    public var kind: Kind
    public var message: String
    /// The HTTP status, when the failure was a response.
    public var statusCode: Int?
    /// The registry's error codes (`MANIFEST_UNKNOWN`, `UNAUTHORIZED`, …).
    public var codes: [String]

    public init(_ kind: Kind, _ message: String, statusCode: Int? = nil, codes: [String] = []) {
        self.kind = kind
        self.message = message
        self.statusCode = statusCode
        self.codes = codes
    }

    public var description: String { message }

    /// Whether the registry refused the credentials (401/403).
    public var isUnauthorized: Bool { kind == .unauthorized || statusCode == 401 || statusCode == 403 }
    /// Whether the named object does not exist (404).
    public var isNotFound: Bool { kind == .notFound || statusCode == 404 }
}
