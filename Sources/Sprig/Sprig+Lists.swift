import GoTemplate

extension Sprig {
    static let lists: [GoFunction] = [
        fn("list", [], variadic: .any, result: .sliceOfAny) { a in .anyList(a) },
        fn("tuple", [], variadic: .any, result: .sliceOfAny) { a in .anyList(a) },
        fn("append", [.any, .any], result: .sliceOfAny) { a in .anyList(try items(a[0], "push on") + [a[1]]) },
        fn("push", [.any, .any], result: .sliceOfAny) { a in .anyList(try items(a[0], "push on") + [a[1]]) },
        fn("mustAppend", [.any, .any], result: .sliceOfAny, returnsError: true) { a in .anyList(try items(a[0], "push on") + [a[1]]) },
        fn("mustPush", [.any, .any], result: .sliceOfAny, returnsError: true) { a in .anyList(try items(a[0], "push on") + [a[1]]) },
        fn("prepend", [.any, .any], result: .sliceOfAny) { a in .anyList([a[1]] + (try items(a[0], "prepend on"))) },
        fn("mustPrepend", [.any, .any], result: .sliceOfAny, returnsError: true) { a in .anyList([a[1]] + (try items(a[0], "prepend on"))) },
        fn("first", [.any]) { a in try items(a[0], "find first on").first ?? .null },
        fn("mustFirst", [.any], returnsError: true) { a in try items(a[0], "find first on").first ?? .null },
        fn("last", [.any]) { a in try items(a[0], "find last on").last ?? .null },
        fn("mustLast", [.any], returnsError: true) { a in try items(a[0], "find last on").last ?? .null },
        fn("rest", [.any], result: .sliceOfAny) { a in try sliceOrNil(items(a[0], "find rest on")) { Array($0.dropFirst()) } },
        fn("mustRest", [.any], result: .sliceOfAny, returnsError: true) { a in try sliceOrNil(items(a[0], "find rest on")) { Array($0.dropFirst()) } },
        fn("initial", [.any], result: .sliceOfAny) { a in try sliceOrNil(items(a[0], "find initial on")) { Array($0.dropLast()) } },
        fn("mustInitial", [.any], result: .sliceOfAny, returnsError: true) { a in try sliceOrNil(items(a[0], "find initial on")) { Array($0.dropLast()) } },
        fn("reverse", [.any], result: .sliceOfAny) { a in .anyList(try items(a[0], "find reverse on").reversed()) },
        fn("mustReverse", [.any], result: .sliceOfAny, returnsError: true) { a in .anyList(try items(a[0], "find reverse on").reversed()) },
        fn("uniq", [.any], result: .sliceOfAny) { a in .anyList(uniq(try items(a[0], "find uniq on"))) },
        fn("mustUniq", [.any], result: .sliceOfAny, returnsError: true) { a in .anyList(uniq(try items(a[0], "find uniq on"))) },
        fn("without", [.any], variadic: .any, result: .sliceOfAny) { a in
            let omit = Array(a.dropFirst())
            return .anyList(try items(a[0], "find without on").filter { v in !omit.contains { deepEqual($0, v) } })
        },
        fn("mustWithout", [.any], variadic: .any, result: .sliceOfAny, returnsError: true) { a in
            let omit = Array(a.dropFirst())
            return .anyList(try items(a[0], "find without on").filter { v in !omit.contains { deepEqual($0, v) } })
        },
        fn("has", [.any, .any], result: .bool) { a in .bool(try has(a[0], a[1])) },
        fn("mustHas", [.any, .any], result: .bool, returnsError: true) { a in .bool(try has(a[0], a[1])) },
    ]

    /// The elements of a slice or array; Go panics (an error here) on anything else.
    static func items(_ list: GoValue, _ verb: String) throws -> [GoValue] {
        if let items = list.listItems { return items }
        if list.isInterfaceNil { throw SprigError("runtime error: invalid memory address or nil pointer dereference") }
        throw SprigError("Cannot \(verb) type \(list.kindName)")
    }

    static func sliceOrNil(_ items: [GoValue], _ transform: ([GoValue]) -> [GoValue]) -> GoValue {
        items.isEmpty ? .nilValue(.sliceOfAny) : .anyList(transform(items))
    }

    static func uniq(_ items: [GoValue]) -> [GoValue] {
        var out: [GoValue] = []
        for item in items where !out.contains(where: { deepEqual($0, item) }) { out.append(item) }
        return out
    }

    static func has(_ needle: GoValue, _ haystack: GoValue) throws -> Bool {
        if haystack.isInterfaceNil { return false }
        return try items(haystack, "find has on").contains { deepEqual($0, needle) }
    }
}
