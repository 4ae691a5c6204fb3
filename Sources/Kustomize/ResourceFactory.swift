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
        var out: [Resource] = []
        out.reserveCapacity(docs.count)
        for doc in docs { try append(doc, to: &out) }
        return out
    }

    private static func append(_ doc: JSONValue, to out: inout [Resource]) throws(KustomizeError) {
        guard case .object(let o) = doc else {
            throw KustomizeError(.malformedYAML, "missing Resource metadata")
        }
        let kind = o["kind"]?.stringValue ?? ""
        if kind.hasSuffix("List"), let items = o["items"] {
            guard case .array(let list) = items else {
                throw KustomizeError(.malformedYAML, "trouble expanding list of \(kind); items is not a list")
            }
            for item in list {
                guard case .object = item else {
                    throw KustomizeError(.malformedYAML, "empty item at items in object \(kind)")
                }
                try append(item, to: &out)
            }
            return
        }
        let r = Resource(o)
        if kind.isEmpty { throw KustomizeError(.invalid, "missing kind in object \(goMeta(r))") }
        if r.name.isEmpty { throw KustomizeError(.invalid, "missing metadata.name in object \(goMeta(r))") }
        out.append(r)
    }

    /// Go's `%v` of kyaml's `ResourceMeta` (as kustomize prints it in these errors).
    static func goMeta(_ r: Resource) -> String {
        func goMap(_ pairs: [(String, String)]) -> String {
            "map[" + pairs.sorted { $0.0 < $1.0 }.map { "\($0.0):\($0.1)" }.joined(separator: " ") + "]"
        }
        return "{{\(r.apiVersion) \(r.kind)} {{\(r.name) \(r.namespace)} \(goMap(r.stringMap("labels"))) \(goMap(r.stringMap("annotations")))}}"
    }
}
