import StructuredData

/// The builtin transformers that set values through field specs: namespace, name prefix/suffix,
/// labels, annotations, replicas (kustomize's builtins of the same names).
enum Transformers {
    /// kustomize's NamespaceTransformer (`setRoleBindingSubjects: defaultOnly`): every resource
    /// remembers its id; namespaced ones get `metadata.namespace`; the configured specs apply
    /// (a Namespace's own name only for `apiVersion: v1`); binding subjects named `default` get
    /// the namespace.
    static func namespace(_ ns: String, _ m: inout ResMap, config: TransformerConfig) throws(KustomizeError) {
        guard !ns.isEmpty else { return }
        for i in m.resources.indices {
            var r = m.resources[i]
            r.storePreviousId()
            if !r.gvk.isClusterScoped { r.namespace = ns }
            let isBinding = r.kind == "RoleBinding" || r.kind == "ClusterRoleBinding"
            if isBinding, var subjects = r.object["subjects"]?.arrayValue {
                for j in subjects.indices {
                    guard case .object(var s) = subjects[j], s["name"]?.stringValue == "default" else { continue }
                    s["namespace"] = .string(ns)
                    subjects[j] = .object(s)
                }
                r.object["subjects"] = .array(subjects)
            }
            for fs in config.namespace {
                if fs.path == "metadata/namespace" { continue }
                if r.apiVersion != "v1" && fs.path == "metadata/name" { continue }
                if isBinding && (fs.gvk.kind == "RoleBinding" || fs.gvk.kind == "ClusterRoleBinding") && fs.path == "subjects/namespace" { continue }
                do {
                    try fs.apply(to: &r, createLeaf: .string("")) { (v: inout JSONValue) throws(KustomizeError) in
                        v = .string(ns)
                    }
                } catch {
                    throw error.prefixed("namespace transformation failed")
                }
            }
            m.resources[i] = r
            let id = r.curId
            if m.resources.filter({ $0.curId.equals(id) }).count != 1 {
                throw KustomizeError(.conflict, "namespace transformation produces ID conflict: \(id)")
            }
        }
    }

    /// kustomize's Prefix/SuffixTransformer: specs are selected by the original GVK; a
    /// `metadata/name` spec records the prefix/suffix and the previous id. CustomResourceDefinition,
    /// APIService and Namespace are never renamed.
    static func prefixSuffix(_ affix: String, isPrefix: Bool, _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        guard !affix.isEmpty else { return }
        for i in m.resources.indices {
            var r = m.resources[i]
            let org = r.orgId
            if org.gvk.kind == "CustomResourceDefinition" || org.gvk.kind == "Namespace"
                || (org.gvk.kind == "APIService" && org.gvk.group == "apiregistration.k8s.io") { continue }
            for fs in specs where org.gvk.isSelected(by: fs.gvk) {
                if fs.path == "metadata/name" {
                    if isPrefix { r.namePrefixes.append(affix) } else { r.nameSuffixes.append(affix) }
                    r.storePreviousId()
                }
                try fs.apply(to: &r) { (v: inout JSONValue) throws(KustomizeError) in
                    guard case .string(let s) = v else { return }
                    v = .string(isPrefix ? affix + s : s + affix)
                }
            }
            m.resources[i] = r
        }
    }

    /// Sets string `pairs` into maps at `specs` (labels and annotations transformers).
    static func setMap(_ pairs: [(String, String)], _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        guard !pairs.isEmpty else { return }
        for i in m.resources.indices {
            var r = m.resources[i]
            for fs in specs {
                try fs.apply(to: &r, createLeaf: .object([:])) { (v: inout JSONValue) throws(KustomizeError) in
                    var o: JSONObject
                    switch v {
                    case .object(let existing): o = existing
                    case .null: o = [:]
                    default: throw KustomizeError(.invalid, "wrong node kind: expected MappingNode but got ScalarNode")
                    }
                    for (k, val) in pairs { o[k] = .string(val) }
                    v = .object(o)
                }
            }
            m.resources[i] = r
        }
    }

    /// Sets `count` at the replicas specs of resources whose original or current name is `name`.
    static func replicas(_ spec: ReplicaSpec, _ m: inout ResMap, specs: [FieldSpec]) throws(KustomizeError) {
        var found = false
        for i in m.resources.indices {
            let r = m.resources[i]
            guard r.name == spec.name || r.orgId.name == spec.name else { continue }
            var updated = r
            for fs in specs where fs.matches(r) {
                found = true
                try fs.apply(to: &updated, createLeaf: .int(0)) { (v: inout JSONValue) throws(KustomizeError) in
                    v = .int(spec.count)
                }
            }
            m.resources[i] = updated
        }
        _ = found
    }
}
