import KubeModel
import StructuredData

/// The one error type of APIServerCore: a Kubernetes API failure carried as KubeModel's `Status`
/// (the object clients receive), built with the upstream constructors and messages.
public struct APIServerError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `Status` object clients receive.
    public var status: Status

    public init(_ status: Status) { self.status = status }

    /// The HTTP status code.
    public var code: Int { status.code }
    /// The `StatusReason` string (`NotFound`, `Conflict`, …).
    public var reason: String { status.reason.rawValue }
    public var message: String { status.message }
    public var description: String { status.message }

    /// The wire form of the `Status`.
    public var statusJSON: JSONValue { status.json }
}

extension APIServerError {
    /// 404 `NotFound`: `<res> "<name>" not found`.
    public static func notFound(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(.notFound(resource, name))
    }

    /// 404 for a path the server does not serve.
    public static let unknownPath = APIServerError(Status(
        message: "the server could not find the requested resource", reason: .notFound,
        details: StatusDetails(), code: 404))

    /// 409 `AlreadyExists`.
    public static func alreadyExists(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(.alreadyExists(resource, name))
    }

    /// 409 `Conflict` for a stale resourceVersion (upstream optimistic-concurrency message).
    public static func conflict(_ resource: QualifiedResource, _ name: String) -> APIServerError {
        APIServerError(.conflict(resource, name))
    }

    /// 409 `Conflict` for a failed precondition with a custom explanation.
    public static func conflict(_ resource: QualifiedResource, _ name: String, _ why: String) -> APIServerError {
        APIServerError(.conflict(resource, name, why))
    }

    /// 400 `BadRequest`.
    public static func badRequest(_ message: String) -> APIServerError {
        APIServerError(.badRequest(message))
    }

    /// 403 `Forbidden`: `<res> "<name>" is forbidden: <why>`.
    public static func forbidden(_ resource: QualifiedResource, _ name: String, _ why: String) -> APIServerError {
        APIServerError(.forbidden(resource, name, why))
    }

    /// 405 `MethodNotAllowed`.
    public static func methodNotAllowed(_ resource: QualifiedResource, _ action: String) -> APIServerError {
        APIServerError(.methodNotAllowed(resource, action))
    }

    /// 410 `Expired` for a watch below the retained window: `too old resource version: N (M)`.
    public static func expired(_ requested: Int64, oldest: Int64) -> APIServerError {
        APIServerError(.expired("too old resource version: \(requested) (\(oldest))"))
    }

    /// 410 `Expired` for a stale or unreadable `continue` token.
    public static let expiredContinue = APIServerError(.expired(
        "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter."))

    /// 413 `RequestEntityTooLarge`.
    public static let tooLarge = APIServerError(.requestEntityTooLarge("limit is 3145728"))

    /// The largest object the store keeps (etcd's default `--max-request-bytes`, 1.5 MiB).
    public static let maxObjectBytes = 1_572_864

    /// 413 for a stored object above `maxObjectBytes` (after patching and defaulting), with the
    /// text kube-apiserver relays from its storage.
    public static let objectTooLarge = APIServerError(.requestEntityTooLarge("etcdserver: request is too large"))

    /// 413 for a JSON patch with more than 10,000 operations.
    public static func tooManyPatchOperations(_ count: Int) -> APIServerError {
        APIServerError(.requestEntityTooLarge("The allowed maximum operations in a JSON patch is 10000, got \(count)"))
    }

    /// 415 `UnsupportedMediaType`.
    public static func unsupportedMediaType(_ accepted: [String]) -> APIServerError {
        APIServerError(.unsupportedMediaType(accepted: accepted))
    }

    /// 500 `InternalError`.
    public static func internalError(_ message: String) -> APIServerError {
        APIServerError(.internalError(message))
    }

    /// 422 `Invalid` with a free-form message (JSON-patch failures).
    public static func invalidPatch(_ message: String) -> APIServerError {
        APIServerError(Status(message: message, reason: .invalid, code: 422))
    }

    /// 422 `Invalid`: `<Kind> "<name>" is invalid: <errors>`.
    public static func invalid(kind: String, group: String, name: String, errors: [FieldError]) -> APIServerError {
        APIServerError(.invalid(GroupKind(group: group, kind: kind), name, errors))
    }
}

/// A group-qualified resource (`deployments.apps`); KubeModel's `GroupResource`.
public typealias QualifiedResource = GroupResource

extension GroupResource {
    /// The storage key prefix of this resource (`<group>/<resource>`).
    var storagePrefix: String { "\(group)/\(resource)" }
}
