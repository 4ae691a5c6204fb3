import GoTemplate
import StructuredData

extension Sprig {
    static let defaults: [GoFunction] = [
        fn("default", [.any], variadic: .any) { a in
            (a.count < 2 || a[1].isEmptyValue) ? a[0] : a[1]
        },
        fn("empty", [.any], result: .bool) { a in .bool(a[0].isEmptyValue) },
        fn("coalesce", [], variadic: .any) { a in a.first { !$0.isEmptyValue } ?? .null },
        fn("all", [], variadic: .any, result: .bool) { a in .bool(a.allSatisfy { !$0.isEmptyValue }) },
        fn("any", [], variadic: .any, result: .bool) { a in .bool(a.contains { !$0.isEmptyValue }) },
        fn("compact", [.any], result: .sliceOfAny) { a in try compact(a[0]) },
        fn("mustCompact", [.any], result: .sliceOfAny, returnsError: true) { a in try compact(a[0]) },
        fn("ternary", [.any, .any, .bool]) { a in a[2].boolValue ? a[0] : a[1] },
        fn("fail", [.string], result: .string, returnsError: true) { a in throw SprigError(a[0].str) },
        // copystructure.Copy(nil) panics inside reflect; both report that panic.
        fn("deepCopy", [.any]) { a in
            if a[0].isInterfaceNil { throw SprigError("reflect: call of reflect.Value.Type on zero Value") }
            return deepCopy(a[0])
        },
        fn("mustDeepCopy", [.any], returnsError: true) { a in
            if a[0].isInterfaceNil { throw SprigError("reflect: call of reflect.Value.Type on zero Value") }
            return deepCopy(a[0])
        },
    ]

    /// copystructure's deep copy: maps (shared references in Go) are duplicated recursively.
    static func deepCopy(_ value: GoValue) -> GoValue {
        switch value {
        case .map(let m):
            var copied = Entries()
            for (k, v) in m.entries { copied[k] = deepCopy(v) }
            return .map(GoMap(type: m.type, entries: copied))
        case .list(let l):
            return .list(GoList(type: l.type, items: l.items.map(deepCopy)))
        default:
            return value
        }
    }

    static func compact(_ list: GoValue) throws -> GoValue {
        guard let items = list.listItems else { throw SprigError("Cannot compact on type \(list.kindName)") }
        return .anyList(items.filter { !$0.isEmptyValue })
    }

    static let json: [GoFunction] = [
        fn("toJson", [.any], result: .string) { a in .string((try? JSONBridge.marshal(a[0])) ?? "") },
        fn("toPrettyJson", [.any], result: .string) { a in .string((try? JSONBridge.marshal(a[0], indent: "  ")) ?? "") },
        fn("toRawJson", [.any], result: .string) { a in .string((try? JSONBridge.marshal(a[0], escapeHTML: false)) ?? "") },
        fn("fromJson", [.string]) { a in (try? JSONBridge.unmarshal(a[0].str)) ?? .null },
        fn("mustToJson", [.any], result: .string, returnsError: true) { a in .string(try JSONBridge.marshal(a[0])) },
        fn("mustToPrettyJson", [.any], result: .string, returnsError: true) { a in .string(try JSONBridge.marshal(a[0], indent: "  ")) },
        fn("mustToRawJson", [.any], result: .string, returnsError: true) { a in .string(try JSONBridge.marshal(a[0], escapeHTML: false)) },
        fn("mustFromJson", [.string], returnsError: true) { a in try JSONBridge.unmarshal(a[0].str) },
    ]
}
