import KubeModel
import StructuredData

extension Selector {
    /// Whether nothing is set (selects everything).
    var isEmpty: Bool { self == Selector() }

    /// The GVK/name/namespace/label/annotation match of kustomize's `ResMap.Select`: names and
    /// namespaces match the original or the current value, each as an anchored regular expression.
    func select(_ m: ResMap) throws(KustomizeError) -> [Int] {
        func regex(_ s: String) throws(KustomizeError) -> Regex<AnyRegexOutput>? {
            guard !s.isEmpty else { return nil }
            do { return try Regex("^(?:" + s + ")$") } catch {
                throw KustomizeError(.invalid, "error parsing regexp: invalid pattern `\(s)`")
            }
        }
        let g = try regex(group), v = try regex(version), k = try regex(kind)
        let n = try regex(name), ns = try regex(namespace)
        func ok(_ r: Regex<AnyRegexOutput>?, _ s: String) -> Bool {
            guard let r else { return true }
            return (try? r.wholeMatch(in: s)) != nil
        }
        let labels: LabelSelector? = try Self.parse(labelSelector)
        let annotations: LabelSelector? = try Self.parse(annotationSelector)
        var out: [Int] = []
        for i in m.resources.indices {
            let r = m.resources[i]
            let cur = r.curId, org = r.orgId
            guard ok(ns, org.effectiveNamespace) || ok(ns, cur.effectiveNamespace) else { continue }
            guard ok(n, org.name) || ok(n, cur.name) else { continue }
            let gvk = r.gvk
            guard ok(g, gvk.group), ok(v, gvk.version), ok(k, gvk.kind) else { continue }
            if let labels, !labels.matches(r.labels) { continue }
            if let annotations, !annotations.matches(r.annotations) { continue }
            out.append(i)
        }
        return out
    }

    private static func parse(_ s: String) throws(KustomizeError) -> LabelSelector? {
        guard !s.isEmpty else { return nil }
        do { return try LabelSelector.parse(s) } catch {
            throw KustomizeError(.invalid, "\(error)")
        }
    }

    /// `Selector.String()` of kustomize's types (for messages).
    var description: String {
        var parts: [String] = []
        let gvk = Gvk(group: group, version: version, kind: kind)
        parts.append(gvk.description)
        if !name.isEmpty { parts.append(name) }
        return parts.joined(separator: " ")
    }
}
