import Foundation

extension KubeAPI {
    /// Serves `/openapi/v2` (gnostic protobuf when the Accept header asks for protobuf, JSON
    /// otherwise), `/openapi/v3` (the discovery document) and `/openapi/v3/<api/v1 | apis/g/v>`.
    /// The protobuf answer's Content-Type is `application/octet-stream`: Go's mime parser rejects
    /// the `…@v1.0+protobuf` media type kubectl asks for.
    ///
    /// A group-version document requested with the current `?hash=` is immutable (cacheable for a
    /// year); with a stale hash the answer is a 301 to the current URL, as kube-apiserver does.
    func openAPIDocument(_ request: APIRequest, parts: [String]) async throws -> APIResponse {
        guard parts.count >= 2 else { throw APIServerError.unknownPath }
        let snapshot = await openAPI.snapshot(registry)
        switch (parts[1], parts.count) {
        case ("v2", 2):
            if (request.accept ?? "").contains("protobuf") {
                return .raw(code: 200, contentType: "application/octet-stream", body: snapshot.v2Protobuf)
            }
            return .raw(code: 200, contentType: "application/json", body: snapshot.v2JSON)
        case ("v3", 2):
            return .raw(code: 200, contentType: "application/json", body: snapshot.v3Discovery)
        case ("v3", _):
            let key = parts.dropFirst(2).joined(separator: "/")
            guard let document = snapshot.v3[key] else { throw APIServerError.unknownPath }
            var headers = [APIRequest.Header("Etag", "\"\(document.hash)\"")]
            if let hash = request.query["hash"], !hash.isEmpty {
                guard hash == document.hash else {
                    let location = "/openapi/v3/\(key)?hash=\(document.hash)"
                    return .document(code: 301, contentType: "text/html; charset=utf-8",
                                     body: Array("<a href=\"\(location)\">Moved Permanently</a>.\n\n".utf8),
                                     headers: [.init("Location", location)])
                }
                let nextYear = Int64(Date().timeIntervalSince1970) + 365 * 86_400
                headers += [.init("Vary", "Accept"), .init("Cache-Control", "public, immutable"),
                            .init("Expires", GoTime.rfc1123(nextYear))]
            }
            return .document(code: 200, contentType: "application/json", body: document.json, headers: headers)
        default:
            throw APIServerError.unknownPath
        }
    }
}

extension GoTime {
    /// `Mon, 02 Jan 2006 15:04:05 UTC` (Go's `time.RFC1123` in UTC) for a Unix time in seconds.
    static func rfc1123(_ unix: Int64) -> String {
        let stamp = rfc3339(unix)  // 2006-01-02T15:04:05Z
        let date = stamp.prefix(10).split(separator: "-")
        let time = stamp.dropFirst(11).dropLast()
        let days = unix >= 0 ? unix / 86_400 : (unix - 86_399) / 86_400
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let month = months[(Int(date[1]) ?? 1) - 1]
        return "\(weekday), \(date[2]) \(month) \(date[0]) \(time) UTC"
    }
}
