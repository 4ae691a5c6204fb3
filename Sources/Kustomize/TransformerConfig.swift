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

    /// kustomize's `TransformerConfig.Merge`: each of `other`'s specs is added unless an existing
    /// one with the same path is selected by its GVK (so a general spec coming after a specific
    /// one is dropped); name references merge by target GVK; every list ends sorted by GVK.
    ///
    /// - Throws: `conflicting fieldspecs` when a matching spec differs in `create`.
    mutating func merge(_ other: TransformerConfig) throws(KustomizeError) {
        func add(_ mine: inout [FieldSpec], _ theirs: [FieldSpec], _ name: String) throws(KustomizeError) {
            do { try Self.mergeAll(&mine, theirs) } catch { throw error.prefixed("failed to merge \(name) fieldSpec") }
            Self.sort(&mine)
        }
        try add(&namePrefix, other.namePrefix, "NamePrefix")
        try add(&nameSuffix, other.nameSuffix, "NameSuffix")
        try add(&namespace, other.namespace, "NameSpace")
        try add(&commonAnnotations, other.commonAnnotations, "CommonAnnotations")
        try add(&commonLabels, other.commonLabels, "CommonLabels")
        try add(&templateLabels, other.templateLabels, "TemplateLabels")
        try add(&varReference, other.varReference, "VarReference")
        do {
            for ref in other.nameReference {
                if let i = nameReference.firstIndex(where: { $0.gvk == ref.gvk }) {
                    try Self.mergeAll(&nameReference[i].referrers, ref.referrers)
                } else {
                    nameReference.append(ref)
                }
            }
        } catch {
            throw error.prefixed("failed to merge NameReference fieldSpec")
        }
        nameReference = Self.stableSorted(nameReference) { $0.gvk.isLess(than: $1.gvk) }
        try add(&images, other.images, "Images")
        try add(&replicas, other.replicas, "Replicas")
    }

    /// `FsSlice.MergeAll`.
    static func mergeAll(_ mine: inout [FieldSpec], _ theirs: [FieldSpec]) throws(KustomizeError) {
        for x in theirs {
            if let existing = mine.first(where: { $0.path == x.path && $0.gvk.isSelected(by: x.gvk) }) {
                if existing.create != x.create { throw KustomizeError(.invalid, "conflicting fieldspecs") }
                continue
            }
            mine.append(x)
        }
    }

    /// Field specs ordered by GVK as kustomize sorts them (kinds in the legacy order).
    static func sort(_ specs: inout [FieldSpec]) {
        specs = stableSorted(specs) { $0.gvk.isLess(than: $1.gvk) }
    }

    private static func stableSorted<T>(_ items: [T], by less: (T, T) -> Bool) -> [T] {
        items.enumerated().sorted { a, b in
            if less(a.element, b.element) { return true }
            if less(b.element, a.element) { return false }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The lists sorted as `makeTransformerConfigFromBytes` leaves them.
    mutating func sortFields() {
        for keyPath in [\TransformerConfig.namePrefix, \.nameSuffix, \.namespace, \.commonLabels, \.templateLabels,
                        \.commonAnnotations, \.varReference, \.images, \.replicas] {
            Self.sort(&self[keyPath: keyPath])
        }
        nameReference = Self.stableSorted(nameReference) { $0.gvk.isLess(than: $1.gvk) }
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
        c.sortFields()
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
