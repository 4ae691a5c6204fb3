import StructuredData

/// kustomize's name-reference fix-up (`FixBackReferences`): after renames, every field that
/// names a ConfigMap, Secret, Service, … is updated to the referred resource's current name (and,
/// for `{name, namespace}` maps, namespace).
enum NameReference {
    static func fix(_ m: inout ResMap, config: TransformerConfig) throws(KustomizeError) {
        let orgIds = m.resources.map(\.orgId)
        // Filters per referrer, in the order kustomize builds them.
        var work: [Int: [(FieldSpec, Gvk)]] = [:]
        var order: [Int] = []
        for back in config.nameReference {
            for spec in back.referrers {
                for i in m.resources.indices where orgIds[i].gvk.isSelected(by: spec.gvk) {
                    if work[i] == nil { order.append(i) }
                    work[i, default: []].append((spec, back.gvk))
                }
            }
        }
        for i in order {
            let candidates = try m.subsetReferenceable(by: m.resources[i])
            for (spec, target) in work[i] ?? [] {
                var referrer = m.resources[i]
                var fs = spec
                fs.gvk = referrer.gvk
                var referrals: [Int] = []
                let snapshot = m
                do {
                    try fs.apply(to: &referrer) { (v: inout JSONValue) throws(KustomizeError) in
                        try set(&v, referrer: snapshot.resources[i], path: spec.path, target: target,
                                candidates: candidates, m: snapshot, referrals: &referrals)
                    }
                } catch {
                    throw error.prefixed("updating name reference in '\(spec.path)' field of '\(snapshot.resources[i].curId)'")
                }
                m.resources[i] = referrer
                for r in referrals { m.resources[r].refBy.append(referrer.curId) }
            }
        }
    }

    private static func set(_ v: inout JSONValue, referrer: Resource, path: String, target: Gvk, candidates: [Int],
                            m: ResMap, referrals: inout [Int]) throws(KustomizeError) {
        switch v {
        case .null: return
        case .string(let old):
            guard let r = try select(old, candidates, referrer: referrer, path: path, target: target, m: m, sameNamespace: false) else { return }
            referrals.append(r)
            if m.resources[r].name != old { v = .string(m.resources[r].name) }
        case .object(var o):
            guard let nameValue = o["name"] else {
                throw KustomizeError(.invalid, "path config error; no 'name' field in node")
            }
            let old = StrategicMerge.scalarText(nameValue)
            var pool = candidates
            if let nsValue = o["namespace"] {
                let ns = StrategicMerge.scalarText(nsValue)
                let byOrg = candidates.filter { m.resources[$0].orgId.effectiveNamespace == ns && !m.resources[$0].gvk.isClusterScoped }
                pool = byOrg.isEmpty
                    ? candidates.filter { m.resources[$0].curId.effectiveNamespace == ns && !m.resources[$0].gvk.isClusterScoped }
                    : byOrg
            }
            guard let r = try select(old, pool, referrer: referrer, path: path, target: target, m: m, sameNamespace: true) else { return }
            referrals.append(r)
            let referral = m.resources[r]
            if referral.name == old && referral.namespace.isEmpty { return }
            o["name"] = .string(referral.name)
            if !referral.namespace.isEmpty { o["namespace"] = .string(referral.namespace) }
            v = .object(o)
        case .array(var items):
            for j in items.indices {
                switch items[j] {
                case .string, .object:
                    try set(&items[j], referrer: referrer, path: path, target: target, candidates: candidates, m: m, referrals: &referrals)
                default: break
                }
            }
            v = .array(items)
        default:
            throw KustomizeError(.invalid, "node must be a scalar, sequence or map")
        }
    }

    private static func select(_ oldName: String, _ pool: [Int], referrer: Resource, path: String, target: Gvk,
                               m: ResMap, sameNamespace: Bool) throws(KustomizeError) -> Int? {
        var c = pool.filter { m.resources[$0].prevIds.contains { $0.name == oldName } }
        c = c.filter { m.resources[$0].prevIds.contains { $0.gvk.isSelected(by: target) } }
        if path.hasSuffix("roleRef/name"), let roleRef = referrer.object["roleRef"]?.objectValue,
           let group = roleRef["apiGroup"]?.stringValue, let kind = roleRef["kind"]?.stringValue {
            let gvk = Gvk(group: group, kind: kind)
            c = c.filter { m.resources[$0].prevIds.contains { $0.gvk.isSelected(by: gvk) } }
        }
        let rid = referrer.curId
        if !rid.gvk.isClusterScoped {
            c = c.filter { i in
                let id = m.resources[i].curId
                return id.gvk.isClusterScoped || m.resources[i].kind == "ServiceAccount" || rid.isNsEquals(id)
            }
        }
        if c.count == 1 { return c[0] }
        c = c.filter { m.resources[$0].prefixesSuffixesEqual(referrer) }
        if c.count == 1 { return c[0] }
        if c.isEmpty { return nil }
        let first = m.resources[c[0]]
        let identical = c.allSatisfy { m.resources[$0].name == first.name && (!sameNamespace || m.resources[$0].namespace == first.namespace) }
        if identical { return c[0] }
        let ids = c.map { m.resources[$0].curId.description }.joined(separator: ", ")
        var details = "\n**** Too many possible referral targets to referrer:\n\((try? YAML.serialize(.object(referrer.object))) ?? "")\n"
        for (n, i) in c.enumerated() {
            details += "--- possible referral \(n):\n\((try? YAML.serialize(.object(m.resources[i].object))) ?? "")\n"
        }
        throw KustomizeError(.conflict, "found multiple possible referrals: \(ids)\n\(details)")
    }
}
