import GoCompat
import KubeModel
import StructuredData

extension APIServerError {
    /// 504 for a `resourceVersion` the server has not reached (after waiting briefly), as the
    /// watch cache answers: `Timeout: Too large resource version: N, current: M`.
    public static func tooLargeResourceVersion(_ requested: Int64, current: Int64) -> APIServerError {
        var status = Status.timeout("Too large resource version: \(requested), current: \(current)", retryAfterSeconds: 1)
        status.details?.causes = [StatusCause(type: "ResourceVersionTooLarge", message: "Too large resource version")]
        return APIServerError(status)
    }

    /// 410 for an exact list below the compacted history.
    public static let listTooOld = APIServerError(.expired("The resourceVersion for the provided list is too old."))
}

/// How a list or watch reads `resourceVersion`, `resourceVersionMatch` and `timeoutSeconds`.
enum ResourceVersionQuery {
    /// How long a request for a future revision waits for it before 504 (the watch cache's 3 s).
    static let futureWait: Double = 3

    /// `resourceVersion` as a revision: nil when unset or "0"; 400 when not a number.
    static func revision(_ request: APIRequest) throws(APIServerError) -> Int64? {
        guard let text = request.query["resourceVersion"], !text.isEmpty, text != "0" else { return nil }
        guard let value = Int64(text), value >= 0 else { throw .badRequest("invalid resource version: \(text)") }
        return value
    }

    /// `timeoutSeconds` (nil when absent); 400 with strconv's message when not an integer.
    static func timeoutSeconds(_ request: APIRequest) throws(APIServerError) -> Int64? {
        guard let text = request.query["timeoutSeconds"] else { return nil }
        guard let value = Int64(text) else {
            throw .badRequest("strconv.ParseInt: parsing \(GoQuote.quote(text)): invalid syntax")
        }
        return value
    }

    /// The list semantics asked for: `Exact` or `NotOlderThan` (with a revision), or the latest.
    enum Match: Equatable {
        case latest
        case notOlderThan(Int64)
        case exact(Int64)
    }

    /// Reads `resourceVersionMatch` with upstream's validation messages.
    static func match(_ request: APIRequest) throws(APIServerError) -> Match {
        let rv = try revision(request)
        let raw = request.query["resourceVersion"] ?? ""
        switch request.query["resourceVersionMatch"] ?? "" {
        case "":
            if let rv { return .notOlderThan(rv) }
            return .latest
        case "NotOlderThan":
            guard !raw.isEmpty else {
                throw .invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", errors: [
                    .forbidden("resourceVersionMatch", "resourceVersionMatch is forbidden unless resourceVersion is provided"),
                ])
            }
            return rv.map(Match.notOlderThan) ?? .latest
        case "Exact":
            guard let rv else {
                throw .invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", errors: [
                    .forbidden("resourceVersionMatch", raw.isEmpty
                        ? "resourceVersionMatch is forbidden unless resourceVersion is provided"
                        : "resourceVersionMatch \"exact\" is forbidden for resourceVersion \"0\""),
                ])
            }
            return .exact(rv)
        case let other:
            throw .invalid(kind: "ListOptions", group: "meta.k8s.io", name: "", errors: [
                .notSupported("resourceVersionMatch", other, supported: ["Exact", "NotOlderThan", ""]),
            ])
        }
    }
}

extension ObjectStore {
    /// Waits (up to `seconds`) until the store has reached `revision`; false when it has not.
    func waitForRevision(_ revision: Int64, seconds: Double) async -> Bool {
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(seconds * 1000)))
        while currentRevision < revision {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }

    /// The objects of `resource` (in `namespace`) as they were at `revision`, rebuilt from the
    /// retained history; 410 when that revision is below it.
    func list(_ resource: QualifiedResource, namespace: String?, at revision: Int64) throws(APIServerError) -> [StoredObject] {
        if revision < historyFloor { throw .listTooOld }
        var state: [String: StoredObject] = [:]
        for object in list(resource, namespace: namespace).objects { state[object.key.localKey] = object }
        let filter = WatchFilter(resource: resource, namespace: namespace)
        for event in history[historyStart...].reversed() {
            guard event.revision > revision else { break }
            guard filter.covers(event.key) else { continue }
            if event.type != .added && event.previous == nil { throw .listTooOld }
            if let bytes = event.previous {
                guard let previous = try? JSONParser.parse(bytes: bytes) else { throw .listTooOld }
                let rv = Int64(previous.metadataString("resourceVersion")) ?? 0
                state[event.key.localKey] = StoredObject(key: event.key, revision: rv, value: previous, serialized: bytes)
            } else {
                state[event.key.localKey] = nil
            }
        }
        return state.keys.sorted().compactMap { state[$0] }
    }
}
