import StructuredData

/// kustomize's `replacements:` (the ReplacementTransformer): copy one source field into fields of
/// the selected targets.
enum Replacements {
    /// `delimiter`/`index` split a scalar; `create` makes missing target fields.
    struct FieldOptions: Sendable {
        var delimiter = ""
        var index = 0
        var create = false

        init(_ o: JSONObject?) {
            guard let o else { return }
            let f = FieldDecoder.CaseInsensitiveFields(object: o)
            delimiter = f["delimiter"]?.stringValue ?? ""
            index = Int(f["index"]?.intValue ?? 0)
            create = f["create"]?.boolValue ?? false
        }
    }

    /// A resource id with optional label and annotation selectors (`types.Selector` as
    /// replacements match it: exact fields, not regular expressions).
    struct IdSelector: Sendable {
        var id: ResId
        var labelSelector = ""
        var annotationSelector = ""

        init(_ o: JSONObject) {
            let f = FieldDecoder.CaseInsensitiveFields(object: o)
            id = ResId(gvk: Gvk(group: f["group"]?.stringValue ?? "", version: f["version"]?.stringValue ?? "",
                                kind: f["kind"]?.stringValue ?? ""),
                       name: f["name"]?.stringValue ?? "", namespace: f["namespace"]?.stringValue ?? "")
            labelSelector = f["labelSelector"]?.stringValue ?? ""
            annotationSelector = f["annotationSelector"]?.stringValue ?? ""
        }

        var isIdEmpty: Bool { id.gvk == Gvk() && id.name.isEmpty && id.namespace.isEmpty }
    }

    struct Source: Sendable {
        var id: ResId
        var fieldPath: String
        var options: FieldOptions?

        /// `SourceSelector.String()`.
        var description: String {
            var parts = [id.description]
            if !fieldPath.isEmpty { parts.append(fieldPath) }
            if let options, !options.delimiter.isEmpty || options.create {
                parts.append("\(options.delimiter)(\(options.index)), create=\(options.create)")
            }
            return parts.joined(separator: ":")
        }
    }

    struct Target: Sendable {
        var select: IdSelector?
        var reject: [IdSelector] = []
        var fieldPaths: [String] = []
        var options: FieldOptions?
    }

    struct Replacement: Sendable {
        var source: Source?
        var targets: [Target]?
    }

    /// The replacements of a `replacements:` list (kustomize's plugin `Config`): inline entries,
    /// or `path:` files holding one replacement or a list of them.
    static func load(_ entries: [JSONValue], loader: Loader) throws(KustomizeError) -> [Replacement] {
        var out: [Replacement] = []
        for entry in entries {
            guard case .object(let raw) = entry else { continue }
            let o = FieldDecoder.CaseInsensitiveFields(object: raw)
            let path = o["path"]?.stringValue ?? ""
            if !path.isEmpty && (o["source"] != nil || !(o["targets"]?.arrayValue ?? []).isEmpty) {
                throw KustomizeError(.invalid, "cannot specify both path and inline replacement")
            }
            guard !path.isEmpty else {
                out.append(decode(raw))
                continue
            }
            let docs = try KYAMLReader.documents(try loader.load(path))
            switch docs.first {
            case .array(let items)?: out += items.compactMap { $0.objectValue.map(decode) }
            case .object(let one)?: out.append(decode(one))
            default:
                let kind = docs.first.map { goKind($0) } ?? "invalid"
                throw KustomizeError(.invalid, "unsupported replacement type encountered within replacement path: \(kind)")
            }
        }
        return out
    }

    private static func goKind(_ v: JSONValue) -> String {
        switch v {
        case .string: return "string"
        case .int: return "int"
        case .double: return "float64"
        case .bool: return "bool"
        default: return "invalid"
        }
    }

    static func decode(_ raw: JSONObject) -> Replacement {
        let o = FieldDecoder.CaseInsensitiveFields(object: raw)
        var r = Replacement()
        if let s = o["source"]?.objectValue {
            let f = FieldDecoder.CaseInsensitiveFields(object: s)
            r.source = Source(id: IdSelector(s).id, fieldPath: f["fieldPath"]?.stringValue ?? "",
                              options: f["options"]?.objectValue.map { FieldOptions($0) })
        }
        if let targets = o["targets"]?.arrayValue {
            r.targets = targets.compactMap(\.objectValue).map { t in
                let f = FieldDecoder.CaseInsensitiveFields(object: t)
                return Target(select: f["select"]?.objectValue.map(IdSelector.init),
                              reject: (f["reject"]?.arrayValue ?? []).compactMap(\.objectValue).map(IdSelector.init),
                              fieldPaths: (f["fieldPaths"]?.arrayValue ?? []).compactMap(\.stringValue),
                              options: f["options"]?.objectValue.map { FieldOptions($0) })
            }
        }
        return r
    }

    /// Applies the replacements in order (kustomize's replacement `Filter`).
    static func apply(_ list: [Replacement], _ m: inout ResMap) throws(KustomizeError) {
        for r in list {
            guard let source = r.source, let targets = r.targets else {
                throw KustomizeError(.invalid, "replacements must specify a source and at least one target")
            }
            let value = try ReplacementEngine.value(source, m)
            try ReplacementEngine.apply(value, targets, &m)
        }
    }
}
