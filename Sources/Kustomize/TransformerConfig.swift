import StructuredData

/// The referrer fields of one referable kind (kustomize's `NameBackReferences`).
struct NameBackReference: Sendable {
    var gvk: Gvk
    var referrers: [FieldSpec]
}

/// The field specs the builtin transformers use (kustomize's `TransformerConfig`): the defaults,
/// merged with `configurations:` files of every kustomization on the way.
struct TransformerConfig: Sendable {
    var namePrefix: [FieldSpec] = []
    var nameSuffix: [FieldSpec] = []
    var namespace: [FieldSpec] = []
    var commonLabels: [FieldSpec] = []
    var templateLabels: [FieldSpec] = []
    var commonAnnotations: [FieldSpec] = []
    var nameReference: [NameBackReference] = []
    var varReference: [FieldSpec] = []
    var images: [FieldSpec] = []
    var replicas: [FieldSpec] = []

    /// Adds `other`'s specs that are not already present (same GVK and path).
    mutating func merge(_ other: TransformerConfig) {
        func add(_ mine: inout [FieldSpec], _ theirs: [FieldSpec]) {
            for fs in theirs where !mine.contains(where: { $0.gvk == fs.gvk && $0.path == fs.path }) { mine.append(fs) }
        }
        add(&namePrefix, other.namePrefix)
        add(&nameSuffix, other.nameSuffix)
        add(&namespace, other.namespace)
        add(&commonLabels, other.commonLabels)
        add(&templateLabels, other.templateLabels)
        add(&commonAnnotations, other.commonAnnotations)
        add(&varReference, other.varReference)
        add(&images, other.images)
        add(&replicas, other.replicas)
        for ref in other.nameReference {
            if let i = nameReference.firstIndex(where: { $0.gvk == ref.gvk }) {
                add(&nameReference[i].referrers, ref.referrers)
            } else {
                nameReference.append(ref)
            }
        }
    }

    /// Parses a `configurations:` file.
    static func parse(_ bytes: [UInt8], path: String) throws(KustomizeError) -> TransformerConfig {
        let docs = try KYAMLReader.documents(bytes)
        var c = TransformerConfig()
        for doc in docs {
            guard case .object(let o) = doc else { continue }
            for (key, value) in o {
                let list = value.arrayValue ?? []
                switch key {
                case "namePrefix": c.namePrefix += try specs(list)
                case "nameSuffix": c.nameSuffix += try specs(list)
                case "namespace": c.namespace += try specs(list)
                case "commonLabels": c.commonLabels += try specs(list)
                case "templateLabels": c.templateLabels += try specs(list)
                case "commonAnnotations": c.commonAnnotations += try specs(list)
                case "varReference": c.varReference += try specs(list)
                case "images": c.images += try specs(list)
                case "replicas": c.replicas += try specs(list)
                case "nameReference":
                    for item in list {
                        guard case .object(let r) = item else { continue }
                        let gvk = Gvk(group: r["group"]?.stringValue ?? "", version: r["version"]?.stringValue ?? "",
                                      kind: r["kind"]?.stringValue ?? "")
                        c.nameReference.append(NameBackReference(gvk: gvk, referrers: try specs(r["fieldSpecs"]?.arrayValue ?? [])))
                    }
                default:
                    throw KustomizeError(.invalid, "json: unknown field \"\(key)\"")
                }
            }
        }
        return c
    }

    private static func specs(_ list: [JSONValue]) throws(KustomizeError) -> [FieldSpec] {
        var out: [FieldSpec] = []
        for item in list {
            guard case .object(let o) = item else { continue }
            out.append(try Kustomization.fieldSpec(o))
        }
        return out
    }
}
