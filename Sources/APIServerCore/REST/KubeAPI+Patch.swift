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
                patched = try Self.applyJSONPatch(patchBody, to: current.value)
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

extension KubeAPI {
    /// kube-apiserver's cap on the operations of one JSON patch.
    static let maxJSONPatchOperations = 10_000
    /// kube-apiserver's cap (`JSONPatchMaxCopyBytes`) on the bytes `copy` operations may add.
    static let maxJSONPatchCopyBytes = 3 * 1024 * 1024

    /// Applies a JSON patch with kube-apiserver's limits: an undecodable patch is 400, more than
    /// 10,000 operations 413, `copy` operations that together copy more than 3 MiB 422 (checked
    /// before each copy, so a patch cannot blow a document up), other failures 422.
    static func applyJSONPatch(_ body: JSONValue, to document: JSONValue) throws(APIServerError) -> JSONValue {
        let patch: JSONPatch
        do { patch = try JSONPatch(body) } catch { throw .badRequest(error.message) }
        if patch.operations.count > maxJSONPatchOperations { throw .tooManyPatchOperations(patch.operations.count) }
        var document = document
        var copied = 0
        do {
            for operation in patch.operations {
                if case .copy(let from, _) = operation, let value = try? document.value(at: from) {
                    copied += value.serializedBytes().count
                    if copied > maxJSONPatchCopyBytes {
                        throw APIServerError.invalidPatch("Unable to complete the copy, the accumulated size increase of copy is \(copied), exceeding the limit \(maxJSONPatchCopyBytes)")
                    }
                }
                document = try JSONPatch([operation]).apply(to: document)
            }
        } catch let error as APIServerError {
            throw error
        } catch let error as StructuredDataError {
            throw .invalidPatch(error.message)
        } catch {
            throw .invalidPatch("\(error)")
        }
        return document
    }
}
