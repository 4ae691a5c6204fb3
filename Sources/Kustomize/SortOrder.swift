import StructuredData

/// kustomize's SortOrderTransformer: `legacy` orders kinds (configurable first/last lists), then
/// by id; `fifo` keeps input order.
enum SortOrder {
    static let defaultFirst = ["Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount",
                               "PodSecurityPolicy", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap",
                               "Secret", "Endpoints", "Service", "LimitRange", "PriorityClass", "PersistentVolume",
                               "PersistentVolumeClaim", "Deployment", "StatefulSet", "CronJob", "PodDisruptionBudget"]
    static let defaultLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"]

    static func apply(_ options: JSONValue?, reorder: ReorderOption, _ m: inout ResMap) throws(KustomizeError) {
        if let options {
            let order = options["order"]?.stringValue ?? ""
            let legacy = options["legacySortOptions"]
            if order != "fifo" && order != "legacy" {
                throw KustomizeError(.invalid, "the field 'sortOptions.order' must be one of [fifo, legacy]")
            }
            if order == "fifo" {
                if let legacy, !legacy.isNull {
                    throw KustomizeError(.invalid, "the field 'sortOptions.legacySortOptions' is set but the selected sort order is 'fifo', not 'legacy'")
                }
                return
            }
            let first = legacy?["orderFirst"]?.arrayValue?.compactMap(\.stringValue) ?? (legacy == nil ? defaultFirst : [])
            let last = legacy?["orderLast"]?.arrayValue?.compactMap(\.stringValue) ?? (legacy == nil ? defaultLast : [])
            sortLegacy(&m, first: first, last: last)
        } else if reorder != .none {
            sortLegacy(&m, first: defaultFirst, last: defaultLast)
        }
    }

    static func sortLegacy(_ m: inout ResMap, first: [String], last: [String]) {
        var orders: [String: Int] = [:]
        for (i, k) in first.enumerated() { orders[k] = -first.count + i }
        for (i, k) in last.enumerated() { orders[k] = 1 + i }
        func gvkKey(_ g: Gvk) -> String {
            [g.group.isEmpty ? "~G" : g.group, g.version.isEmpty ? "~V" : g.version, g.kind.isEmpty ? "~K" : g.kind].joined(separator: "_")
        }
        func idKey(_ id: ResId) -> String {
            [id.gvk.description, id.namespace.isEmpty ? "~X" : id.namespace, id.name.isEmpty ? "~N" : id.name].joined(separator: "|")
        }
        m.resources.sort { a, b in
            let ga = a.gvk, gb = b.gvk
            if ga != gb {
                let oa = orders[ga.kind] ?? 0, ob = orders[gb.kind] ?? 0
                if oa != ob { return oa < ob }
                return gvkKey(ga) < gvkKey(gb)
            }
            return idKey(a.curId) < idKey(b.curId)
        }
    }
}
