import KubeModel
import StructuredData

extension KubeAPI {
    /// `/scale`: an `autoscaling/v1` `Scale` view of the object's replicas. GET reads it; PUT and
    /// PATCH (merge or JSON patch of the `Scale`) write `spec.replicas` back through the main
    /// resource (so the generation bumps), with the Scale's `resourceVersion` as a precondition.
    func scale(_ target: ResourceTarget, name: String, _ request: APIRequest) async throws -> APIResponse {
        let type = target.type
        let current = try await get(type, namespace: target.namespace ?? "", name: name)
        let view = Self.scaleView(type, current.value)
        let desired: JSONValue
        switch request.method {
        case "GET":
            return .json(code: 200, body: view)
        case "PUT":
            desired = try decodeBody(request)
        case "PATCH":
            let patch: JSONValue
            do { patch = try JSONParser.parse(bytes: request.body) } catch {
                throw APIServerError.badRequest("error decoding patch: \(error.message)")
            }
            let media = (request.contentType ?? "").split(separator: ";").first.map(String.init) ?? ""
            if media == "application/json-patch+json" {
                do { desired = try JSONPatch(patch).apply(to: view) } catch { throw APIServerError.invalidPatch(error.message) }
            } else if media == "application/merge-patch+json" || media == "application/strategic-merge-patch+json" {
                desired = MergePatch.apply(patch, to: view)
            } else {
                throw APIServerError.unsupportedMediaType(["application/json-patch+json", "application/merge-patch+json"])
            }
        default:
            throw APIServerError.methodNotAllowed(type.resource, request.method.lowercased())
        }
        let rv = desired.metadataString("resourceVersion")
        if !rv.isEmpty && rv != String(current.revision) { throw APIServerError.conflict(type.resource, name) }
        guard let replicas = desired["spec"]?["replicas"]?.intValue, replicas >= 0, replicas <= Int64(Int32.max) else {
            throw APIServerError.invalid(kind: "Scale", group: "autoscaling", name: name, errors: [
                .invalid("spec.replicas", rendered: desired["spec"]?["replicas"]?.serialized() ?? "null",
                         "must be greater than or equal to 0"),
            ])
        }
        var object = current.value
        object.set(type.scalePaths.spec.split(separator: ".").map(String.init), .int(replicas))
        let stored = try await write(type, current: current, proposed: object, subresource: nil,
                                     precondition: .revision(current.revision), dryRun: request.isDryRun)
        return .json(code: 200, body: Self.scaleView(type, stored))
    }

    /// The `Scale` for an object.
    static func scaleView(_ type: ResourceType, _ object: JSONValue) -> JSONValue {
        var metadata: JSONObject = [:]
        for field in ["name", "namespace", "uid", "resourceVersion", "creationTimestamp"] {
            if let v = object["metadata"]?[field] { metadata[field] = v }
        }
        let specReplicas = object[dotted: type.scalePaths.spec]?.intValue ?? 0
        var status: JSONObject = ["replicas": .int(object[dotted: type.scalePaths.status]?.intValue ?? 0)]
        if let path = type.scalePaths.selector, let selector = object[dotted: path]?.stringValue {
            status["selector"] = .string(selector)
        } else if type.scalePaths.selector == nil, let selector = object["spec"]?["selector"],
                  let parsed = try? LabelSelector(labelSelector: selector) {
            status["selector"] = .string(parsed.description)
        }
        return [
            "kind": "Scale", "apiVersion": "autoscaling/v1", "metadata": .object(metadata),
            "spec": ["replicas": .int(specReplicas)], "status": .object(status),
        ]
    }
}
