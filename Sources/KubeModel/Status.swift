import StructuredData

/// `metav1.StatusReason`: why a request failed. `unknown` is the empty reason.
public enum StatusReason: String, Sendable, CaseIterable {
    case unknown = ""
    case unauthorized = "Unauthorized"
    case forbidden = "Forbidden"
    case notFound = "NotFound"
    case alreadyExists = "AlreadyExists"
    case conflict = "Conflict"
    case gone = "Gone"
    case invalid = "Invalid"
    case serverTimeout = "ServerTimeout"
    case storageReadError = "StorageReadError"
    case timeout = "Timeout"
    case tooManyRequests = "TooManyRequests"
    case badRequest = "BadRequest"
    case methodNotAllowed = "MethodNotAllowed"
    case notAcceptable = "NotAcceptable"
    case requestEntityTooLarge = "RequestEntityTooLarge"
    case unsupportedMediaType = "UnsupportedMediaType"
    case internalError = "InternalError"
    case expired = "Expired"
    case serviceUnavailable = "ServiceUnavailable"
}

/// `metav1.StatusCause`: one cause of a failure (for `Invalid`, one per bad field).
/// `type` is serialized as `reason`.
public struct StatusCause: Sendable, Equatable {
    public var type: String
    public var message: String
    public var field: String

    public init(type: String = "", message: String = "", field: String = "") {
        self.type = type
        self.message = message
        self.field = field
    }
}

/// `metav1.StatusDetails`. `kind` holds the resource (plural) for most errors and the Kind for `Invalid`.
public struct StatusDetails: Sendable, Equatable {
    public var name: String
    public var group: String
    public var kind: String
    public var uid: String
    public var causes: [StatusCause]
    public var retryAfterSeconds: Int

    public init(
        name: String = "", group: String = "", kind: String = "", uid: String = "",
        causes: [StatusCause] = [], retryAfterSeconds: Int = 0
    ) {
        self.name = name
        self.group = group
        self.kind = kind
        self.uid = uid
        self.causes = causes
        self.retryAfterSeconds = retryAfterSeconds
    }
}

/// The `meta/v1 Status` object: the Kubernetes API's error (and delete-success) response.
///
/// This is both what the API server sends and the error the client throws; the `is…` predicates
/// mirror `k8s.io/apimachinery/pkg/api/errors` (`IsNotFound`, …), which look at `reason` first
/// and fall back to `code` when the reason is unknown.
public struct Status: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Success` or `Failure`.
    public var status: String
    public var message: String
    public var reason: StatusReason
    public var details: StatusDetails?
    public var code: Int
    /// `metadata` (a `ListMeta`, usually empty), kept as raw JSON.
    public var metadata: JSONValue

    public static let failure = "Failure"
    public static let success = "Success"

    public init(
        status: String = Status.failure, message: String = "", reason: StatusReason = .unknown,
        details: StatusDetails? = nil, code: Int = 0, metadata: JSONValue = [:]
    ) {
        self.status = status
        self.message = message
        self.reason = reason
        self.details = details
        self.code = code
        self.metadata = metadata
    }

    /// The message, as `StatusError.Error()` returns it.
    public var description: String { message }

    /// `errors.ReasonForError` with the `code` fallback of the `Is…` helpers.
    private func matches(_ wanted: StatusReason, code wantedCode: Int) -> Bool {
        if reason == wanted { return true }
        return reason == .unknown && code == wantedCode
    }

    public var isNotFound: Bool { matches(.notFound, code: 404) }
    public var isAlreadyExists: Bool { reason == .alreadyExists }
    /// True for `Conflict` (409 with an unknown reason counts too, as upstream).
    public var isConflict: Bool { matches(.conflict, code: 409) }
    public var isInvalid: Bool { matches(.invalid, code: 422) }
    /// True for `Gone` and `Expired` (both 410): the resource version is too old; re-list.
    public var isGone: Bool { reason == .gone || reason == .expired || (reason == .unknown && code == 410) }
    /// True only for `Expired` (`errors.IsResourceExpired`).
    public var isResourceExpired: Bool { reason == .expired }
    public var isForbidden: Bool { matches(.forbidden, code: 403) }
    public var isUnauthorized: Bool { matches(.unauthorized, code: 401) }
    public var isBadRequest: Bool { matches(.badRequest, code: 400) }
    public var isMethodNotSupported: Bool { matches(.methodNotAllowed, code: 405) }
    public var isNotAcceptable: Bool { matches(.notAcceptable, code: 406) }
    public var isUnsupportedMediaType: Bool { matches(.unsupportedMediaType, code: 415) }
    public var isRequestEntityTooLarge: Bool { matches(.requestEntityTooLarge, code: 413) }
    public var isInternalError: Bool { matches(.internalError, code: 500) }
    public var isTimeout: Bool { matches(.timeout, code: 504) }
    public var isServerTimeout: Bool { reason == .serverTimeout }
    public var isTooManyRequests: Bool { matches(.tooManyRequests, code: 429) }
    public var isServiceUnavailable: Bool { matches(.serviceUnavailable, code: 503) }
}
