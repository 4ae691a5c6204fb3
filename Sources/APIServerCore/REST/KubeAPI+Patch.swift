import Foundation
import StructuredData

extension KubeAPI {
    /// PATCH: JSON patch, merge patch, or (built-ins only) strategic merge patch. A patch that
    /// carries `metadata.resourceVersion` is an optimistic lock; otherwise the patch is re-applied
    /// on a conflicting concurrent write.
    func patch(_ target: ResourceTarget, name: String, _ request: APIRequest) async throws -> JSONValue {
        let type = target.type
        let mediaType = (request.contentType ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? ""
        let accepted = ["application/json-patch+json", "application/merge-patch+json", "application/apply-patch+yaml"]
        let patchBody: JSONValue
        do {
            patchBody = try JSONParser.parse(bytes: request.body)
        } catch {
            throw APIServerError.badRequest("error decoding patch: \(error.message)")
        }
        for _ in 0..<16 {
            let current = try await get(type, namespace: target.namespace ?? "", name: name)
            var patched: JSONValue
            switch mediaType {
            case "application/merge-patch+json":
                guard case .object = patchBody else { throw APIServerError.badRequest("error decoding patch: not an object") }
                patched = MergePatch.apply(patchBody, to: current.value)
            case "application/strategic-merge-patch+json" where !type.isCustom:
                let schema = PatchSchema.forKind(type.kind) ?? PatchSchema.forType("ObjectWithMeta")
                do {
                    patched = try StrategicMergePatch.apply(patchBody, to: current.value, schema: schema)
                } catch {
                    throw APIServerError.badRequest(error.message)
                }
            case "application/json-patch+json":
                do {
                    patched = try JSONPatch(patchBody).apply(to: current.value)
                } catch {
                    throw APIServerError.invalidPatch(error.message)
                }
            default:
                throw APIServerError.unsupportedMediaType(type.isCustom ? accepted : accepted + ["application/strategic-merge-patch+json"])
            }
            guard case .object = patched else { throw APIServerError.badRequest("the patch did not produce an object") }
            let rv = patched.metadataString("resourceVersion")
            let precondition: WritePrecondition
            if rv.isEmpty || rv == current.value.metadataString("resourceVersion") {
                precondition = .revision(current.revision)
            } else {
                throw APIServerError.conflict(type.resource, name)
            }
            patched.set(["apiVersion"], .string(type.groupVersion))
            patched.set(["kind"], .string(type.kind))
            do {
                return try await write(type, current: current, proposed: patched, subresource: target.subresource,
                                       precondition: precondition, dryRun: request.isDryRun)
            } catch let error as APIServerError where error.reason == "Conflict" && patchBody["metadata"]?["resourceVersion"] == nil {
                continue
            }
        }
        throw APIServerError.conflict(type.resource, name)
    }
}
