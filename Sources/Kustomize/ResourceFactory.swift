import StructuredData

/// Turns YAML bytes into resources (kustomize's resource factory): empty documents are skipped,
/// `List` kinds (and any kind ending in `List` with `items`) are expanded, and every object must
/// be a mapping.
enum ResourceFactory {
    /// Limits on one resource file.
    static let maxDocuments = 200_000

    static func resources(from bytes: [UInt8]) throws(KustomizeError) -> [Resource] {
        let docs = try KYAMLReader.documents(bytes)
        if docs.count > maxDocuments {
            throw KustomizeError(.limit, "too many documents (\(docs.count) > \(maxDocuments))")
        }
        // kustomize's `RNodesFromBytes`: empty documents are dropped, the rest validated; then
        // `inlineAnyEmbeddedLists` takes documents from a queue, appending a list's items to its end.
        var queue: [JSONObject] = []
        queue.reserveCapacity(docs.count)
        for doc in docs { if let o = try validated(doc) { queue.append(o) } }
        var out: [Resource] = []
        out.reserveCapacity(queue.count)
        var next = 0
        while next < queue.count {
            let o = queue[next]
            next += 1
            let kind = o["kind"]?.stringValue ?? ""
            guard kind.hasSuffix("List") else {
                out.append(Resource(o))
                continue
            }
            guard let items = o["items"], !items.isNull else { continue }
            guard case .array(let list) = items else {
                throw KustomizeError(.malformedYAML, "expected array in \(kind)/items, but found \(goTypeName(items))")
            }
            if queue.count + list.count > maxDocuments {
                throw KustomizeError(.limit, "too many documents (more than \(maxDocuments))")
            }
            for item in list { if let v = try validated(item) { queue.append(v) } }
        }
        return out
    }

    /// kustomize's `dropBadNodes` for one document: nil for an empty one; a mapping needs a kind
    /// and, unless it is a list, a name.
    private static func validated(_ doc: JSONValue) throws(KustomizeError) -> JSONObject? {
        switch doc {
        case .null: return nil
        case .object(let o):
            if o.isEmpty { return nil }
            let r = Resource(o)
            if r.kind.isEmpty { throw KustomizeError(.invalid, "missing kind in object \(goMeta(r))") }
            if !r.kind.hasSuffix("List") && r.name.isEmpty {
                throw KustomizeError(.invalid, "missing metadata.name in object \(goMeta(r))")
            }
            return o
        case .array(let a) where a.isEmpty: return nil
        default:
            throw KustomizeError(.malformedYAML, "missing Resource metadata")
        }
    }

    /// Go's `%T` of a decoded JSON value.
    private static func goTypeName(_ v: JSONValue) -> String {
        switch v {
        case .string: return "string"
        case .int: return "int64"
        case .double: return "float64"
        case .bool: return "bool"
        case .object: return "map[string]interface {}"
        case .array: return "[]interface {}"
        case .null: return "<nil>"
        }
    }

    /// Go's `%v` of kyaml's `ResourceMeta` (as kustomize prints it in these errors).
    static func goMeta(_ r: Resource) -> String {
        func goMap(_ pairs: [(String, String)]) -> String {
            "map[" + pairs.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" }.joined(separator: " ") + "]"
        }
        return "{{\(r.apiVersion) \(r.kind)} {{\(r.name) \(r.namespace)} \(goMap(r.stringMap("labels"))) \(goMap(r.stringMap("annotations")))}}"
    }
}
