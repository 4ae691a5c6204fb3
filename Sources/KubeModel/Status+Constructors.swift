/// Constructors with the messages of `k8s.io/apimachinery/pkg/api/errors` (and the apiserver's
/// negotiation errors), so that servers built on this model answer like Kubernetes does.
extension Status {
    /// The standard optimistic-concurrency conflict text (`registry.OptimisticLockErrorMsg`).
    public static let optimisticLockErrorMessage =
        "the object has been modified; please apply your changes to the latest version and try again"

    private static func failure(
        _ code: Int, _ reason: StatusReason, _ message: String, _ details: StatusDetails? = nil
    ) -> Status {
        Status(status: Status.failure, message: message, reason: reason, details: details, code: code)
    }

    /// `NewNotFound`: 404, `<res> "<name>" not found`.
    public static func notFound(_ resource: GroupResource, _ name: String) -> Status {
        failure(404, .notFound, "\(resource) \(goQuote(name)) not found",
                StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// `NewAlreadyExists`: 409, `<res> "<name>" already exists`.
    public static func alreadyExists(_ resource: GroupResource, _ name: String) -> Status {
        failure(409, .alreadyExists, "\(resource) \(goQuote(name)) already exists",
                StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// `NewConflict`: 409, `Operation cannot be fulfilled on <res> "<name>": <message>`.
    public static func conflict(
        _ resource: GroupResource, _ name: String, _ message: String = Status.optimisticLockErrorMessage
    ) -> Status {
        failure(409, .conflict, "Operation cannot be fulfilled on \(resource) \(goQuote(name)): \(message)",
                StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// `NewInvalid`: 422, `<Kind> "<name>" is invalid: <errors>` (`[a, b]` for several).
    public static func invalid(_ kind: GroupKind, _ name: String, _ errors: [FieldError]) -> Status {
        let message: String
        if let aggregate = errors.aggregateMessage {
            message = "\(kind) \(goQuote(name)) is invalid: \(aggregate)"
        } else {
            message = "\(kind) \(goQuote(name)) is invalid"
        }
        return failure(422, .invalid, message,
                       StatusDetails(name: name, group: kind.group, kind: kind.kind, causes: errors.map(\.cause)))
    }

    /// `NewBadRequest`: 400 with the given message.
    public static func badRequest(_ message: String) -> Status {
        failure(400, .badRequest, message)
    }

    /// `NewForbidden`: 403, `<res> "<name>" is forbidden: <reason>` (name or resource omitted when empty).
    public static func forbidden(_ resource: GroupResource, _ name: String, _ reason: String) -> Status {
        let message: String
        if resource.isEmpty {
            message = "forbidden: \(reason)"
        } else if name.isEmpty {
            message = "\(resource) is forbidden: \(reason)"
        } else {
            message = "\(resource) \(goQuote(name)) is forbidden: \(reason)"
        }
        return failure(403, .forbidden, message,
                       StatusDetails(name: name, group: resource.group, kind: resource.resource))
    }

    /// `NewUnauthorized`: 401; an empty reason reads `not authorized`.
    public static func unauthorized(_ reason: String = "") -> Status {
        failure(401, .unauthorized, reason.isEmpty ? "not authorized" : reason)
    }

    /// `NewMethodNotSupported`: 405, `<action> is not supported on resources of kind "<res>"`.
    public static func methodNotAllowed(_ resource: GroupResource, _ action: String) -> Status {
        failure(405, .methodNotAllowed,
                "\(action) is not supported on resources of kind \(goQuote(resource.description))",
                StatusDetails(group: resource.group, kind: resource.resource))
    }

    /// The apiserver's 406: `only the following media types are accepted: <a>, <b>`.
    public static func notAcceptable(accepted: [String]) -> Status {
        failure(406, .notAcceptable,
                "only the following media types are accepted: " + accepted.joined(separator: ", "))
    }

    /// The apiserver's 415: `the body of the request was in an unknown format - accepted media types include: …`.
    public static func unsupportedMediaType(accepted: [String]) -> Status {
        failure(415, .unsupportedMediaType,
                "the body of the request was in an unknown format - accepted media types include: "
                    + accepted.joined(separator: ", "))
    }

    /// `NewResourceExpired`: 410 with reason `Expired` (too old resource version, stale continue token).
    public static func expired(_ message: String) -> Status {
        failure(410, .expired, message)
    }

    /// `NewGone`: 410 with reason `Gone`.
    public static func gone(_ message: String) -> Status {
        failure(410, .gone, message)
    }

    /// `NewRequestEntityTooLargeError`: 413, `Request entity too large: <message>`.
    public static func requestEntityTooLarge(_ message: String) -> Status {
        failure(413, .requestEntityTooLarge, "Request entity too large: \(message)")
    }

    /// `NewInternalError`: 500, `Internal error occurred: <error>`, with the error as the one cause.
    public static func internalError(_ error: String) -> Status {
        failure(500, .internalError, "Internal error occurred: \(error)",
                StatusDetails(causes: [StatusCause(message: error)]))
    }

    /// `NewTooManyRequests`: 429 with a retry hint.
    public static func tooManyRequests(_ message: String, retryAfterSeconds: Int) -> Status {
        failure(429, .tooManyRequests, message, StatusDetails(retryAfterSeconds: retryAfterSeconds))
    }

    /// `NewServiceUnavailable`: 503 with the given message.
    public static func serviceUnavailable(_ message: String) -> Status {
        failure(503, .serviceUnavailable, message)
    }

    /// `NewTimeoutError`: 504, `Timeout: <message>`.
    public static func timeout(_ message: String, retryAfterSeconds: Int) -> Status {
        failure(504, .timeout, "Timeout: \(message)", StatusDetails(retryAfterSeconds: retryAfterSeconds))
    }

    /// The `Success` status returned by deletes of types that do not return the object.
    public static func success(details: StatusDetails? = nil) -> Status {
        Status(status: Status.success, details: details)
    }
}
