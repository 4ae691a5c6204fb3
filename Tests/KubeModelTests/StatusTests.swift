import Testing
import StructuredData
@testable import KubeModel

@Suite("Status (API errors)")
struct StatusTests {
    static let configmaps = GroupResource(group: "", resource: "configmaps")
    static let deployments = GroupResource(group: "apps", resource: "deployments")

    @Test("constructors produce the upstream code, reason and message", arguments: [
        (Status.notFound(configmaps, "c"), 404, StatusReason.notFound, #"configmaps "c" not found"#),
        (Status.notFound(deployments, "web"), 404, .notFound, #"deployments.apps "web" not found"#),
        (Status.alreadyExists(configmaps, "c"), 409, .alreadyExists, #"configmaps "c" already exists"#),
        (Status.conflict(configmaps, "c"), 409, .conflict,
         #"Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again"#),
        (Status.forbidden(configmaps, "c", "unable to create new content in namespace x because it is being terminated"), 403, .forbidden,
         #"configmaps "c" is forbidden: unable to create new content in namespace x because it is being terminated"#),
        (Status.forbidden(configmaps, "", "no"), 403, .forbidden, "configmaps is forbidden: no"),
        (Status.badRequest("bad"), 400, .badRequest, "bad"),
        (Status.unauthorized(), 401, .unauthorized, "not authorized"),
        (Status.methodNotAllowed(deployments, "watch"), 405, .methodNotAllowed, #"watch is not supported on resources of kind "deployments.apps""#),
        (Status.unsupportedMediaType(accepted: ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]), 415, .unsupportedMediaType,
         "the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"),
        (Status.expired("too old resource version: 1 (5)"), 410, .expired, "too old resource version: 1 (5)"),
        (Status.gone("gone"), 410, .gone, "gone"),
        (Status.requestEntityTooLarge("limit is 3145728"), 413, .requestEntityTooLarge, "Request entity too large: limit is 3145728"),
        (Status.internalError("boom"), 500, .internalError, "Internal error occurred: boom"),
    ])
    func constructors(status: Status, code: Int, reason: StatusReason, message: String) {
        #expect(status.code == code)
        #expect(status.reason == reason)
        #expect(status.message == message)
        #expect(status.status == "Failure")
    }

    @Test("invalid assembles the message like NewInvalid", arguments: [
        ([FieldError](), #"ConfigMap "c" is invalid"#),
        ([.required("metadata.name", "name or generateName is required")],
         #"ConfigMap "c" is invalid: metadata.name: Required value: name or generateName is required"#),
        ([.invalid("metadata.resourceVersion", rendered: "0x0", "must be specified for an update")],
         #"ConfigMap "c" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update"#),
        ([.invalid("spec.x", "a", "bad"), .forbidden("spec.y", "nope")],
         #"ConfigMap "c" is invalid: [spec.x: Invalid value: "a": bad, spec.y: Forbidden: nope]"#),
        ([.notSupported("spec.z", "q", supported: ["a", "b"])],
         #"ConfigMap "c" is invalid: spec.z: Unsupported value: "q": supported values: "a", "b""#),
    ])
    func invalid(errors: [FieldError], message: String) {
        let status = Status.invalid(GroupKind(group: "", kind: "ConfigMap"), "c", errors)
        #expect(status.message == message)
        #expect(status.code == 422)
        #expect(status.isInvalid)
        #expect(status.details?.kind == "ConfigMap")
        #expect(status.details?.causes.map(\.field) == errors.map(\.field))
    }

    @Test("predicates follow reason, then code for unknown reasons", arguments: [
        (Status(reason: .notFound, code: 404), "notFound"),
        (Status(reason: .unknown, code: 404), "notFound"),
        (Status(reason: .conflict, code: 409), "conflict"),
        (Status(reason: .alreadyExists, code: 409), "alreadyExists"),
        (Status(reason: .expired, code: 410), "gone"),
        (Status(reason: .gone, code: 410), "gone"),
        (Status(reason: .invalid, code: 422), "invalid"),
        (Status(reason: .forbidden, code: 403), "forbidden"),
        (Status(reason: .badRequest, code: 400), "badRequest"),
    ])
    func predicates(status: Status, which: String) {
        let flags: [String: Bool] = [
            "notFound": status.isNotFound, "conflict": status.isConflict, "alreadyExists": status.isAlreadyExists,
            "gone": status.isGone, "invalid": status.isInvalid, "forbidden": status.isForbidden,
            "badRequest": status.isBadRequest,
        ]
        for (name, value) in flags {
            #expect(value == (name == which), "\(name) for \(status.reason.rawValue)/\(status.code)")
        }
    }

    @Test("JSON round trip keeps upstream field names and order", arguments: [
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"configmaps \"c\" not found","reason":"NotFound","details":{"name":"c","kind":"configmaps"},"code":404}"#,
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"x","reason":"Invalid","details":{"name":"c","group":"g","kind":"K","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: 1","field":"spec.a"}]},"code":422}"#,
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","details":{"name":"c","group":"g","kind":"widgets","uid":"u-1"}}"#,
        #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"slow down","reason":"TooManyRequests","details":{"retryAfterSeconds":3},"code":429}"#,
    ])
    func roundTrip(text: String) throws {
        let status = Status(json: try JSONParser.parse(text))
        #expect(status.json.serialized() == text)
    }

    @Test("constructed statuses serialize like the apiserver")
    func serializesNotFound() {
        #expect(Status.notFound(Self.deployments, "web").json.serialized()
            == #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}"#)
    }
}
