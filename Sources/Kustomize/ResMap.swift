import StructuredData

/// An ordered list of resources with kustomize's id rules (kustomize's `resmap.ResMap`).
public struct ResMap: Sendable {
    public var resources: [Resource] = []

    public init(_ resources: [Resource] = []) { self.resources = resources }

    public var count: Int { resources.count }

    /// Appends, refusing a resource whose current id is already present.
    mutating func append(_ r: Resource) throws(KustomizeError) {
        let id = r.curId
        if resources.contains(where: { $0.curId.equals(id) }) {
            throw KustomizeError(.conflict, "may not add resource with an already registered id: \(id)")
        }
        resources.append(r)
    }

    /// Appends every resource of `other`, refusing duplicate ids (one pass, hashed).
    mutating func appendAll(_ other: ResMap) throws(KustomizeError) {
        func key(_ id: ResId) -> String { id.gvk.description + "|" + id.name + "|" + id.effectiveNamespace }
        var seen = Set(resources.map { key($0.curId) })
        resources.reserveCapacity(resources.count + other.resources.count)
        for r in other.resources {
            let id = r.curId
            guard seen.insert(key(id)).inserted else {
                throw KustomizeError(.conflict, "may not add resource with an already registered id: \(id)")
            }
            resources.append(r)
        }
    }

    /// Adds generated resources: create appends, merge/replace update the one existing match.
    mutating func absorbAll(_ other: ResMap) throws(KustomizeError) {
        for r in other.resources { try appendReplaceOrMerge(r) }
    }

    private mutating func appendReplaceOrMerge(_ res: Resource) throws(KustomizeError) {
        let id = res.curId
        let matches = resources.indices.filter { i in resources[i].allIds.contains { $0.equals(id) } }
        switch matches.count {
        case 0:
            if res.behavior == "merge" || res.behavior == "replace" {
                throw KustomizeError(.conflict, "id \(goSyntax(id)) does not exist; cannot merge or replace")
            }
            try append(res)
        case 1:
            let index = matches[0]
            let old = resources[index]
            var merged = res
            switch res.behavior {
            case "replace":
                merged.copyMergeMetadata(from: old)
            case "merge":
                // The existing resource's origin survives the merge.
                let origin = old.origin
                merged.copyMergeMetadata(from: old)
                merged.mergeDataMap("data", from: old)
                merged.mergeDataMap("binaryData", from: old)
                if let origin { merged.setOrigin(origin) }
            default:
                throw KustomizeError(.conflict, "id \(goSyntax(id)) exists; behavior must be merge or replace")
            }
            resources[index] = merged
        default:
            let ids = matches.map { resources[$0].curId.description }.joined(separator: " ")
            throw KustomizeError(.conflict, "found multiple objects [\(ids)] that could accept merge of \(id)")
        }
    }

    /// Go's `%#v` of a ResId, as kustomize's merge errors print it.
    private func goSyntax(_ id: ResId) -> String {
        "resid.ResId{Gvk:resid.Gvk{Group:\"\(id.gvk.group)\", Version:\"\(id.gvk.version)\", Kind:\"\(id.gvk.kind)\", isClusterScoped:\(id.gvk.isClusterScoped)}, Name:\"\(id.name)\", Namespace:\"\(id.namespace)\"}"
    }

    /// Indices of resources whose current id is selected by `selector`.
    func indices(selectedBy selector: ResId) -> [Int] {
        resources.indices.filter { resources[$0].curId.isSelected(by: selector) }
    }

    /// Resources that `referrer` could refer to by name: everything for a cluster-scoped referrer,
    /// else cluster-scoped ones, same-namespace ones, and (for a RoleBinding) those in the
    /// namespaces of its ServiceAccount subjects.
    func subsetReferenceable(by referrer: Resource) throws(KustomizeError) -> [Int] {
        let rid = referrer.curId
        if rid.gvk.isClusterScoped { return Array(resources.indices) }
        var bindingNamespaces = Set<String>()
        if referrer.kind == "RoleBinding", let subjects = referrer.object["subjects"]?.arrayValue {
            for s in subjects {
                // As upstream: a present `namespace` that is not a string (`namespace:` is null)
                // is an error; an empty string is a namespace like any other.
                guard let nsValue = s["namespace"], s["kind"]?.stringValue == "ServiceAccount" else { continue }
                guard let ns = nsValue.stringValue else {
                    throw KustomizeError(.invalid, "Invalid Input: namespace is blank for resource \"\(rid)\"\n")
                }
                bindingNamespaces.insert(ns)
            }
        }
        return resources.indices.filter { i in
            let id = resources[i].curId
            return id.gvk.isClusterScoped || id.isNsEquals(rid) || bindingNamespaces.contains(resources[i].namespace)
        }
    }
}

extension Resource {
    /// Kustomize's `CopyMergeMetaDataFieldsFrom`: labels and annotations merged as strings (this
    /// one's win), name, namespace and build bookkeeping taken from `other` — the hash suffix is
    /// kept only when both want it.
    mutating func copyMergeMetadata(from other: Resource) {
        for field in ["labels", "annotations"] {
            var merged = other.metaMap(field)
            for (k, v) in metaMap(field) { merged[k] = v }
            setMetaMap(field, merged)
        }
        name = other.name
        namespace = other.namespace
        previousIds = other.previousIds
        namePrefixes = other.namePrefixes
        nameSuffixes = other.nameSuffixes
        refBy = other.refBy
        refVarNames = other.refVarNames
        behavior = other.behavior
        needsHash = needsHash && other.needsHash
    }

    /// Kustomize's `MergeDataMapFrom`/`MergeBinaryDataMapFrom`: `other`'s entries that this one
    /// lacks are added, every value as a string; an empty result removes the field.
    mutating func mergeDataMap(_ field: String, from other: Resource) {
        func strings(_ v: JSONValue?) -> [String: String] {
            var out: [String: String] = [:]
            for (k, item) in v?.objectValue ?? [:] { out[k] = StrategicMerge.scalarText(item) }
            return out
        }
        var merged = strings(other.object[field])
        for (k, v) in strings(object[field]) { merged[k] = v }
        if merged.isEmpty {
            object[field] = nil
            return
        }
        var o = JSONObject()
        for k in merged.keys.sorted() { o[k] = .string(merged[k] ?? "") }
        object[field] = .object(o)
    }
}
