import StructuredData

/// The value operations of server-side apply: merging a configuration into the live object
/// (`typed.Merge`) and removing the fields an applier stopped applying (`prune`).
enum ApplyMerge {
    /// `live ⊕ config`: structs and granular maps merge key by key; atomic values are replaced;
    /// associative lists match items by key and merge them; sets take the union. In lists, config
    /// items keep the config's order and live-only items keep their place after their live neighbour.
    static func merge(_ live: JSONValue?, _ config: JSONValue, schema: ApplySchema) -> JSONValue {
        guard let live else { return config }
        switch (live, config) {
        case (.object(var object), .object(let patch)) where !schema.atomic:
            for (key, value) in patch {
                object[key] = merge(object[key], value, schema: schema.field(key))
            }
            return .object(object)
        case (.array(let a), .array(let b)) where schema.list != .atomic:
            return mergeList(a, b, schema: schema) ?? config
        default:
            return config
        }
    }

    private static func mergeList(_ live: [JSONValue], _ config: [JSONValue], schema: ApplySchema) -> JSONValue? {
        let liveElements = live.map { schema.itemElement($0) }
        let configElements = config.map { schema.itemElement($0) }
        guard !liveElements.contains(nil), !configElements.contains(nil) else { return nil }
        var liveItems: [String: JSONValue] = [:]
        for (element, item) in zip(liveElements, live) { if let element, liveItems[element] == nil { liveItems[element] = item } }
        let itemSchema = schema.element
        var out: [(String, JSONValue)] = []
        var placed = Set<String>()
        for (element, item) in zip(configElements, config) {
            guard let element, placed.insert(element).inserted else { continue }
            if case .map = schema.list {
                out.append((element, merge(liveItems[element], item, schema: itemSchema)))
            } else {
                out.append((element, item))
            }
        }
        // Live-only items go right after the nearest preceding live item already placed.
        var previous: String?
        for (element, item) in zip(liveElements, live) {
            guard let element else { continue }
            if placed.insert(element).inserted {
                let position = previous.flatMap { p in out.firstIndex { $0.0 == p } }.map { $0 + 1 } ?? 0
                out.insert((element, item), at: position)
            }
            previous = element
        }
        return .array(out.map(\.1))
    }

    /// Removes the member at `path` from `value` (a map key, a keyed or set list item, an index).
    /// Paths that do not resolve are ignored.
    static func remove(_ path: ArraySlice<String>, from value: inout JSONValue, schema: ApplySchema) {
        guard let element = path.first else { return }
        let rest = path.dropFirst()
        if element.hasPrefix("f:") {
            let name = String(element.dropFirst(2))
            guard case .object(var object) = value, var child = object[name] else { return }
            if rest.isEmpty {
                object[name] = nil
            } else {
                remove(rest, from: &child, schema: schema.field(name))
                object[name] = child
            }
            value = .object(object)
            return
        }
        guard case .array(var items) = value else { return }
        let index: Int?
        if element.hasPrefix("i:") {
            index = Int(element.dropFirst(2)).flatMap { items.indices.contains($0) ? $0 : nil }
        } else {
            index = items.firstIndex { schema.itemElement($0) == element }
        }
        guard let index else { return }
        if rest.isEmpty {
            items.remove(at: index)
        } else {
            remove(rest, from: &items[index], schema: schema.element)
        }
        value = .array(items)
    }
}
