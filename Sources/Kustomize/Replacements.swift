import StructuredData

/// kustomize's ReplacementTransformer (minimal): copy a source field into target fields.
enum Replacements {
    struct Replacement {
        var source: JSONObject
        var targets: [JSONObject]
    }

    static func load(_ v: JSONValue, loader: Loader) throws(KustomizeError) -> [Replacement] {
        guard case .object(let o) = v else { return [] }
        if let path = o["path"]?.stringValue {
            let docs = try KYAMLReader.documents(try loader.load(path))
            var out: [Replacement] = []
            for d in docs {
                for item in d.arrayValue ?? [d] { out += try load(item, loader: loader) }
            }
            return out
        }
        return [Replacement(source: o["source"]?.objectValue ?? [:], targets: (o["targets"]?.arrayValue ?? []).compactMap(\.objectValue))]
    }

    static func apply(_ list: [Replacement], _ m: inout ResMap) throws(KustomizeError) {
        for r in list { try ReplacementEngine.apply(r, &m) }
    }
}
