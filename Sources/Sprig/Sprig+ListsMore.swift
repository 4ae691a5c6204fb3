import GoTemplate

extension Sprig {
    static let listsMore: [GoFunction] = [
        fn("slice", [.any], variadic: .any) { a in try slice(a[0], Array(a.dropFirst())) },
        fn("mustSlice", [.any], variadic: .any, returnsError: true) { a in try slice(a[0], Array(a.dropFirst())) },
        fn("concat", [], variadic: .any) { a in
            var out: [GoValue] = []
            for list in a {
                guard let items = list.listItems else {
                    if list.isInterfaceNil { throw SprigError("runtime error: invalid memory address or nil pointer dereference") }
                    throw SprigError("Cannot concat type \(list.kindName) as list")
                }
                out += items
            }
            return out.isEmpty ? .nilValue(.sliceOfAny) : .anyList(out)
        },
        fn("chunk", [.int, .any], result: .sliceOfSliceOfAny) { a in try chunk(a[0].intValue, a[1]) },
        fn("mustChunk", [.int, .any], result: .sliceOfSliceOfAny, returnsError: true) { a in try chunk(a[0].intValue, a[1]) },
    ]

    /// Sprig's `slice list [start [end]]`: a sub-slice of the same type; nil for an empty list.
    static func slice(_ list: GoValue, _ indices: [GoValue]) throws -> GoValue {
        guard case .list(let l) = list.concrete else {
            if list.isInterfaceNil { throw SprigError("runtime error: invalid memory address or nil pointer dereference") }
            throw SprigError("list should be type of slice or array but \(list.kindName)")
        }
        if l.items.isEmpty { return .null }
        let start = indices.count > 0 ? Int(Cast.toInt64(indices[0])) : 0
        let end = indices.count > 1 ? Int(Cast.toInt64(indices[1])) : l.items.count
        guard start >= 0, start <= end, end <= l.items.count else {
            throw SprigError("reflect.Value.Slice: slice index out of bounds")
        }
        return .list(GoList(type: l.type.kind == .array ? .slice(of: l.type.elem ?? .any) : l.type, items: Array(l.items[start..<end])))
    }

    static func chunk(_ size: Int, _ list: GoValue) throws -> GoValue {
        guard let items = list.listItems else {
            if list.isInterfaceNil { throw SprigError("runtime error: invalid memory address or nil pointer dereference") }
            throw SprigError("Cannot chunk type \(list.kindName)")
        }
        guard size > 0 else { throw SprigError("runtime error: integer divide by zero") }
        var chunks: [GoValue] = []
        var i = 0
        while i < items.count {
            chunks.append(.anyList(Array(items[i..<min(i + size, items.count)])))
            i += size
        }
        return .list(chunks, type: .sliceOfSliceOfAny)
    }
}
