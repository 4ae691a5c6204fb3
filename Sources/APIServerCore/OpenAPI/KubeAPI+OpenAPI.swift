extension KubeAPI {
    /// Serves `/openapi/v2` (gnostic protobuf when the Accept header asks for protobuf, JSON
    /// otherwise), `/openapi/v3` (the discovery document) and `/openapi/v3/<api/v1 | apis/g/v>`.
    /// The protobuf answer's Content-Type is `application/octet-stream`: Go's mime parser rejects
    /// the `…@v1.0+protobuf` media type kubectl asks for.
    func openAPIDocument(_ request: APIRequest, parts: [String]) throws -> APIResponse {
        guard parts.count >= 2 else { throw APIServerError.unknownPath }
        let snapshot = openAPI.snapshot(registry)
        switch (parts[1], parts.count) {
        case ("v2", 2):
            if (request.accept ?? "").contains("protobuf") {
                return .raw(code: 200, contentType: "application/octet-stream", body: snapshot.v2Protobuf)
            }
            return .raw(code: 200, contentType: "application/json", body: snapshot.v2JSON)
        case ("v3", 2):
            return .raw(code: 200, contentType: "application/json", body: snapshot.v3Discovery)
        case ("v3", _):
            guard let document = snapshot.v3[parts.dropFirst(2).joined(separator: "/")] else { throw APIServerError.unknownPath }
            return .raw(code: 200, contentType: "application/json", body: document.json)
        default:
            throw APIServerError.unknownPath
        }
    }
}
