import Foundation
import StructuredData

extension KubeAPI {
    /// LIST: the matching objects sorted by namespace and name, with the current revision, paginated
    /// by `limit`/`continue` (the token is opaque; an unparsable one gives 410 `Expired`).
    func list(_ target: ResourceTarget, _ request: APIRequest) async throws -> APIResponse {
        let type = target.type
        let matcher = try ObjectMatcher(labelSelector: request.query["labelSelector"],
                                        fieldSelector: request.query["fieldSelector"], type: type)
        _ = try ResourceVersionQuery.timeoutSeconds(request)
        var (objects, revision) = await store.list(type.resource, namespace: target.namespace, selecting: matcher.labels)
        switch try ResourceVersionQuery.match(request) {
        case .latest:
            break
        case .notOlderThan(let wanted):
            if wanted > revision {
                guard await store.waitForRevision(wanted, seconds: ResourceVersionQuery.futureWait) else {
                    throw APIServerError.tooLargeResourceVersion(wanted, current: await store.currentRevision)
                }
                (objects, revision) = await store.list(type.resource, namespace: target.namespace, selecting: matcher.labels)
            }
        case .exact(let wanted):
            if wanted > revision, !(await store.waitForRevision(wanted, seconds: ResourceVersionQuery.futureWait)) {
                throw APIServerError.tooLargeResourceVersion(wanted, current: await store.currentRevision)
            }
            objects = try await store.list(type.resource, namespace: target.namespace, at: wanted)
            revision = wanted
        }
        var items = matcher.isEmpty ? objects : objects.filter { matcher.matches($0.value) }
        var metadata: JSONObject = ["resourceVersion": .string(String(revision))]
        if let token = request.query["continue"], !token.isEmpty {
            guard let data = Data(base64Encoded: token), let after = String(data: data, encoding: .utf8) else {
                throw APIServerError.expiredContinue
            }
            items = Array(items.drop { $0.key.localKey <= after })
        }
        if let limitText = request.query["limit"], let limit = Int(limitText), limit > 0, items.count > limit {
            let remaining = items.count - limit
            items = Array(items.prefix(limit))
            if let last = items.last {
                metadata["continue"] = .string(Data(last.key.localKey.utf8).base64EncodedString())
                metadata["remainingItemCount"] = .int(Int64(remaining))
            }
        }
        if let version = Self.tableVersion(request.accept) {
            return .json(code: 200, body: Self.table(type, objects: items.map(\.value), metadata: metadata, version: version,
                                                     includeObject: request.query["includeObject"]))
        }
        return .list(header: ["kind": .string(type.listKind), "apiVersion": .string(type.groupVersion), "metadata": .object(metadata)],
                     items: items)
    }
}
