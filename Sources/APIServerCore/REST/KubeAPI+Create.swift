import Foundation
import StructuredData

extension KubeAPI {
    static let generateNameAlphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// Creates an object: names it (`generateName`), validates, checks its namespace, stamps server
    /// metadata, runs admission for the type, and stores it. Returns the stored object.
    /// With `dryRun`, nothing is stored and `resourceVersion` is empty.
    func create(_ type: ResourceType, namespace pathNamespace: String, body: JSONValue, dryRun: Bool) async throws -> JSONValue {
        var object = body
        try checkKind(&object, type)
        var namespace = ""
        if type.namespaced {
            let bodyNamespace = object.metadataString("namespace")
            if !bodyNamespace.isEmpty && bodyNamespace != pathNamespace {
                throw APIServerError.badRequest("the namespace of the provided object does not match the namespace sent on the request")
            }
            namespace = pathNamespace
            object.set(["metadata", "namespace"], .string(namespace))
        } else {
            object.set(["metadata", "namespace"], nil)
        }
        var name = object.metadataString("name")
        if name.isEmpty {
            let prefix = object.metadataString("generateName")
            guard !prefix.isEmpty else {
                throw APIServerError.invalid(kind: type.kind, group: type.group, name: "", errors: [
                    .required("metadata.name", "name or generateName is required"),
                ])
            }
            let suffix = String((0..<5).map { _ in Self.generateNameAlphabet.randomElement() ?? "x" })
            name = String(prefix.prefix(58)) + suffix
            object.set(["metadata", "name"], .string(name))
        }
        try NameValidation.validate(name, type: type)
        if type.namespaced { try await checkNamespaceAcceptsContent(namespace, type: type, name: name) }

        let now = Self.timestamp()
        for field in ["resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "generation"] {
            object.set(["metadata", field], nil)
        }
        object.set(["metadata", "uid"], .string(UUID().uuidString.lowercased()))
        object.set(["metadata", "creationTimestamp"], .string(now))
        if type.hasStatus || type.isCustom || object["spec"] != nil {
            object.set(["metadata", "generation"], .int(1))
        }
        if type.hasStatus && !(type.resource == Self.namespaceType.resource) { object.set(["status"], nil) }
        try await admit(&object, type: type, old: nil)

        let key = ObjectKey(resource: type.resource, namespace: namespace, name: name)
        if dryRun {
            if await store.get(key) != nil { throw APIServerError.alreadyExists(type.resource, name) }
            object.set(["metadata", "resourceVersion"], nil)
            return object
        }
        let stored = try await store.commit([Mutation(key: key, precondition: .absent, value: object)])
        let result = stored.first?.value ?? object
        await afterWrite(type, result)
        return result
    }

    /// Fills in `apiVersion`/`kind` and rejects a body of a different kind (400).
    func checkKind(_ object: inout JSONValue, _ type: ResourceType) throws {
        if let kind = object["kind"]?.stringValue, !kind.isEmpty, kind != type.kind {
            throw APIServerError.badRequest("the kind of the provided object (\(kind)) does not match the kind of the request (\(type.kind))")
        }
        object.set(["apiVersion"], .string(type.groupVersion))
        object.set(["kind"], .string(type.kind))
        if object["metadata"]?.objectValue == nil { object.set(["metadata"], .object([:])) }
    }

    /// 404 when the namespace does not exist, 403 when it is terminating.
    func checkNamespaceAcceptsContent(_ namespace: String, type: ResourceType, name: String) async throws {
        let key = ObjectKey(resource: Self.namespaceType.resource, namespace: "", name: namespace)
        guard let ns = await store.get(key) else {
            throw APIServerError.notFound(Self.namespaceType.resource, namespace)
        }
        if ns.value["metadata"]?["deletionTimestamp"] != nil {
            throw APIServerError.forbidden(type.resource, name, "unable to create new content in namespace \(namespace) because it is being terminated")
        }
    }

    /// RFC 3339 UTC with seconds, as `metav1.Time` marshals.
    static func timestamp(_ date: Date = Date()) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        return GoTime.rfc3339(seconds)
    }
}

/// Civil-time formatting without Foundation formatters (which are slow and not Sendable).
enum GoTime {
    /// `2006-01-02T15:04:05Z` for a Unix time in seconds.
    static func rfc3339(_ unix: Int64) -> String {
        let days = unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400
        let secs = unix - days * 86_400
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
    }
}
