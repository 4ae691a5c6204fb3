import KubeModel
import StructuredData

/// An inverted index of labels per resource (`key=value` → the `namespace/name` keys carrying it),
/// kept in step with the tables, so that a LIST with an equality label selector (Helm's release
/// Secrets by `owner=helm,name=…`, a Deployment's ReplicaSets by its selector) reads only the
/// objects it can match instead of scanning the namespace.
struct LabelIndex: Sendable {
    private var postings: [QualifiedResource: [String: Set<String>]] = [:]

    private static func term(_ key: String, _ value: String) -> String { key + "\u{0}" + value }

    mutating func insert(_ resource: QualifiedResource, _ local: String, labels: [String: String]) {
        for (key, value) in labels { postings[resource, default: [:]][Self.term(key, value), default: []].insert(local) }
    }

    mutating func remove(_ resource: QualifiedResource, _ local: String, labels: [String: String]) {
        for (key, value) in labels {
            let term = Self.term(key, value)
            postings[resource]?[term]?.remove(local)
            if postings[resource]?[term]?.isEmpty == true { postings[resource]?[term] = nil }
        }
    }

    /// The keys that satisfy every equality requirement of `selector` (`=`, `==`, `in` with one
    /// value): a superset of the keys the whole selector matches. Nil when the selector has no such
    /// requirement (the caller scans instead).
    func candidates(_ resource: QualifiedResource, _ selector: LabelSelector) -> Set<String>? {
        var best: Set<String>?
        for r in selector.requirements {
            let value: String
            switch r.op {
            case .equals, .doubleEquals: value = r.values.first ?? ""
            case .in where r.values.count == 1: value = r.values[0]
            default: continue
            }
            let keys = postings[resource]?[Self.term(r.key, value)] ?? []
            if best == nil || keys.count < best!.count { best = keys }
            if best?.isEmpty == true { break }
        }
        return best
    }
}

extension ObjectStore {
    /// The objects of `resource` (in `namespace`, when given) that may match `selector`, in
    /// ascending `namespace/name` order, with the current revision: through the label index when
    /// the selector has an equality requirement, else every object (as `list`). The caller still
    /// applies the whole selector.
    public func list(_ resource: QualifiedResource, namespace: String?,
                     selecting selector: LabelSelector) -> (objects: [StoredObject], revision: Int64) {
        guard let candidates = labels.candidates(resource, selector) else { return list(resource, namespace: namespace) }
        let table = tables[resource] ?? [:]
        let prefix = namespace.map { $0 + "/" }
        let keys = candidates.filter { prefix == nil || $0.hasPrefix(prefix!) }.sorted()
        return (keys.compactMap { table[$0] }, currentRevision)
    }
}
