import StructuredData

/// The one error type of APIServerCore: a Kubernetes API failure that renders as a `Status` object.
///
/// `code` is the HTTP status, `reason` the `StatusReason` string, `message` the upstream wording
/// (see `apimachinery/pkg/api/errors`). `details` is the `Status.details` object, if any.
public struct APIServerError: Error, Equatable, Sendable, CustomStringConvertible {
    public var code: Int
    public var reason: String
    public var message: String
    public var details: JSONValue?

    public init(code: Int, reason: String, message: String, details: JSONValue? = nil) {
        self.code = code
        self.reason = reason
        self.message = message
        self.details = details
    }

    public var description: String { message }

    /// The `Status` object clients receive for this error.
    public var status: JSONValue {
        var object: JSONObject = [
            "kind": "Status", "apiVersion": "v1", "metadata": .object([:]),
            "status": "Failure", "message": .string(message), "reason": .string(reason),
        ]
        if let details { object["details"] = details }
        object["code"] = .int(Int64(code))
        return .object(object)
    }
}

extension APIServerError {
    /// `details` for errors about one named object of a resource.
    static func objectDetails(name: String, resource: QualifiedResource, uid: String? = nil) -> JSONValue {
        var d: JSONObject = [:]
        if !name.isEmpty { d["name"] = .string(name) }
        if !resource.group.isEmpty { d["group"] = .string(resource.group) }
        d["kind"] = .string(resource.resource)
        if let uid { d["uid"] = .string(uid) }
        return .object(d)
    }

    /// 404 `NotFound`: `<res> "<name>" not found`.
    public static func notFound(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(code: 404, reason: "NotFound", message: "\(resource) \"\(name)\" not found",
                       details: objectDetails(name: name, resource: resource))
    }

    /// 404 for a path the server does not serve.
    public static let unknownPath = APIServerError(
        code: 404, reason: "NotFound", message: "the server could not find the requested resource",
        details: .object([:]))

    /// 409 `AlreadyExists`.
    public static func alreadyExists(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(code: 409, reason: "AlreadyExists", message: "\(resource) \"\(name)\" already exists",
                       details: objectDetails(name: name, resource: resource))
    }

    /// 409 `Conflict` for a stale resourceVersion (upstream optimistic-concurrency message).
    public static func conflict(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource) \"\(name)\": the object has been modified; please apply your changes to the latest version and try again",
            details: objectDetails(name: name, resource: resource))
    }

    /// 409 `Conflict` for a failed precondition with a custom explanation.
    public static func conflict(_ resource: QualifiedResource, _ name: String, _ why: String) -> APIServerError {
        APIServerError(code: 409, reason: "Conflict",
                       message: "Operation cannot be fulfilled on \(resource) \"\(name)\": \(why)",
                       details: objectDetails(name: name, resource: resource))
    }

    /// 400 `BadRequest`.
    public static func badRequest(_ message: String) -> APIServerError {
        APIServerError(code: 400, reason: "BadRequest", message: message)
    }

    /// 403 `Forbidden`: `<res> "<name>" is forbidden: <why>`.
    public static func forbidden(_ resource: QualifiedResource, _ name: String, _ why: String) -> APIServerError {
        APIServerError(code: 403, reason: "Forbidden", message: "\(resource) \"\(name)\" is forbidden: \(why)",
                       details: objectDetails(name: name, resource: resource))
    }

    /// 405 `MethodNotAllowed`.
    public static let methodNotAllowed = APIServerError(
        code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource")

    /// 410 `Expired` for a watch or list below the retained window.
    public static func expired(_ requested: Int64, oldest: Int64) -> APIServerError {
        APIServerError(code: 410, reason: "Expired", message: "too old resource version: \(requested) (\(oldest))")
    }

    /// 413 `RequestEntityTooLarge`.
    public static let tooLarge = APIServerError(
        code: 413, reason: "RequestEntityTooLarge", message: "the request body is too large: limit is 3145728 bytes")

    /// 415 `UnsupportedMediaType`.
    public static func unsupportedMediaType(_ accepted: [String]) -> APIServerError {
        APIServerError(code: 415, reason: "UnsupportedMediaType",
                       message: "the body of the request was in an unknown format - accepted media types include: \(accepted.joined(separator: ", "))")
    }

    /// 500 `InternalError`.
    public static func internalError(_ message: String) -> APIServerError {
        APIServerError(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }

    /// One `details.causes` entry of an `Invalid` error.
    public struct Cause: Sendable, Equatable {
        public var reason: String
        public var field: String
        public var message: String
        public init(reason: String, field: String, message: String) {
            self.reason = reason; self.field = field; self.message = message
        }
    }

    /// 422 `Invalid`: `<Kind> "<name>" is invalid: <field>: <detail>` (causes joined with ", ").
    public static func invalid(kind: String, group: String, name: String, causes: [Cause]) -> APIServerError {
        let text = causes.map { "\($0.field): \($0.message)" }
        let joined = text.count == 1 ? text[0] : "[" + text.joined(separator: ", ") + "]"
        var d: JSONObject = ["name": .string(name)]
        if !group.isEmpty { d["group"] = .string(group) }
        d["kind"] = .string(kind)
        d["causes"] = .array(causes.map {
            .object(["reason": .string($0.reason), "message": .string($0.message), "field": .string($0.field)])
        })
        return APIServerError(code: 422, reason: "Invalid", message: "\(kind).\(group.isEmpty ? "" : group) \"\(name)\" is invalid: \(joined)".replacingDotEmpty(kind: kind),
                              details: .object(d))
    }
}

extension String {
    /// Turns `Kind. "x"` (core group) back into `Kind "x"`.
    fileprivate func replacingDotEmpty(kind: String) -> String {
        let prefix = "\(kind). "
        if hasPrefix(prefix) { return kind + " " + dropFirst(prefix.count) }
        return self
    }
}
