import GoTemplate
import OrderedCollections

typealias Entries = OrderedDictionary<String, GoValue>

extension Sprig {
    static let dicts: [GoFunction] = [
        fn("dict", [], variadic: .any, result: .mapStringAny) { a in
            var entries = Entries()
            var i = 0
            while i < a.count {
                entries[a[i].strval] = i + 1 < a.count ? a[i + 1] : .string("")
                i += 2
            }
            return .map(entries)
        },
        fn("get", [.mapStringAny, .string]) { a in entries(a[0])[a[1].str] ?? .string("") },
        fn("set", [.mapStringAny, .string, .any], result: .mapStringAny) { a in
            let m = try goMap(a[0])
            if holds(a[2], m) { throw SprigError(cycleMessage) }
            m.entries[a[1].str] = a[2]
            return a[0]
        },
        fn("unset", [.mapStringAny, .string], result: .mapStringAny) { a in
            if case .map(let m) = a[0].concrete { m.entries[a[1].str] = nil }
            return a[0]
        },
        fn("hasKey", [.mapStringAny, .string], result: .bool) { a in .bool(entries(a[0])[a[1].str] != nil) },
        fn("pluck", [.string], variadic: .mapStringAny, result: .sliceOfAny) { a in
            .anyList(a.dropFirst().compactMap { entries($0)[a[0].str] })
        },
        fn("keys", [], variadic: .mapStringAny, result: .sliceOfString) { a in
            .strings(a.flatMap { entries($0).keys.shuffled() })
        },
        fn("pick", [.mapStringAny], variadic: .string, result: .mapStringAny) { a in
            let e = entries(a[0])
            var out = Entries()
            for k in a.dropFirst() { if let v = e[k.str] { out[k.str] = v } }
            return .map(out)
        },
        fn("omit", [.mapStringAny], variadic: .string, result: .mapStringAny) { a in
            let drop = Set(a.dropFirst().map(\.str))
            return .map(entries(a[0]).filter { !drop.contains($0.key) })
        },
        fn("values", [.mapStringAny], result: .sliceOfAny) { a in .anyList(Array(entries(a[0]).values).shuffled()) },
        fn("merge", [.mapStringAny], variadic: .mapStringAny) { a in mergeAll(a, overwrite: false) },
        fn("mustMerge", [.mapStringAny], variadic: .mapStringAny, returnsError: true) { a in mergeAll(a, overwrite: false) },
        fn("mergeOverwrite", [.mapStringAny], variadic: .mapStringAny) { a in mergeAll(a, overwrite: true) },
        fn("mustMergeOverwrite", [.mapStringAny], variadic: .mapStringAny, returnsError: true) { a in mergeAll(a, overwrite: true) },
        fn("dig", [], variadic: .any, returnsError: true) { a in try dig(a) },
    ]

    static func entries(_ value: GoValue) -> Entries { value.mapEntries ?? [:] }

    /// Keeps the map's own type (a named map stays named) after an update.
    static func retyped(_ original: GoValue, _ entries: Entries) -> GoValue {
        if case .map(let m) = original { return .map(GoMap(type: m.type, entries: entries)) }
        return .map(entries)
    }

    static let cycleMessage = "cannot store a map inside itself (cyclic maps are not supported)"

    /// Whether `value` is or contains `map`: storing it into `map` would make a cycle, which
    /// Go tolerates until something prints it but which would exhaust the stack here.
    static func holds(_ value: GoValue, _ map: GoMap, depth: Int = 0) -> Bool {
        guard depth < 5_000 else { return true }
        switch value.concrete {
        case .map(let m):
            return m.isSameMap(as: map) || m.entries.values.contains { holds($0, map, depth: depth + 1) }
        case .list(let l):
            return l.items.contains { holds($0, map, depth: depth + 1) }
        default:
            return false
        }
    }

    /// The map behind a map-typed argument; a nil map panics in Go on assignment.
    static func goMap(_ value: GoValue) throws -> GoMap {
        guard case .map(let m) = value.concrete else { throw SprigError("assignment to entry in nil map") }
        return m
    }

    /// Merges every source into the first map, updating it in place (mergo mutates `dst`).
    static func mergeAll(_ maps: [GoValue], overwrite: Bool) -> GoValue {
        guard case .map(let dst) = maps[0].concrete else { return maps[0] }
        for src in maps.dropFirst() { merge(into: dst, entries(src), overwrite: overwrite) }
        return maps[0]
    }

    /// mergo v0.3.13 `Merge` / `Merge(WithOverride)` of `map[string]interface{}` values:
    /// nested maps merge recursively (in place); otherwise a source value fills a missing or
    /// empty destination key, or (with `overwrite`) always wins. Nil sources only overwrite.
    static func merge(into dst: GoMap, _ src: Entries, overwrite: Bool) {
        var out = dst.entries
        for (key, s) in src {
            let d = out[key]
            if s.isInterfaceNil || (s.goType?.canBeNil == true && s.isNil) {
                if overwrite { out[key] = s }
                continue
            }
            if case .map(let sm) = s.concrete, let d, case .map(let dm) = d.concrete, !dm.isSameMap(as: dst) {
                merge(into: dm, sm.entries, overwrite: overwrite)
                if !dm.entries.isEmpty { continue }
            }
            if let d, !d.isEmptyValue, !overwrite { continue }
            if holds(s, dst) { continue }
            out[key] = s
        }
        dst.entries = out
    }

    /// `dig k1 k2 … default dict`: walks nested maps; the default when a key is missing.
    static func dig(_ a: [GoValue]) throws -> GoValue {
        guard a.count >= 3 else { throw SprigError("dig needs at least three arguments") }
        guard a[a.count - 1].goType?.name == "map[string]interface {}", let map = a[a.count - 1].mapEntries else {
            throw SprigError("interface conversion: interface {} is \(a[a.count - 1].typeName), not map[string]interface {}")
        }
        let keys = a[0..<(a.count - 2)].map(\.strval)
        let fallback = a[a.count - 2]
        var current = map
        for (i, key) in keys.enumerated() {
            guard let value = current[key] else { return fallback }
            if i == keys.count - 1 { return value }
            guard value.goType?.name == "map[string]interface {}", let next = value.mapEntries else {
                throw SprigError("interface conversion: interface {} is \(value.typeName), not map[string]interface {}")
            }
            current = next
        }
        return fallback
    }
}
