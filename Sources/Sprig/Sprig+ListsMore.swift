import Foundation
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
        if size > 0 {
            var chunks: [GoValue] = []
            var i = 0
            while i < items.count {
                chunks.append(.anyList(Array(items[i..<min(i + size, items.count)])))
                i += size
            }
            return .list(chunks, type: .sliceOfSliceOfAny)
        }
        // Sprig computes the chunk count in float64: a size of 0 or below gives Go's results
        // (a makeslice panic for a negative or infinite count or chunk length).
        let l = items.count
        let makeslice = SprigError("runtime error: makeslice: len out of range")
        let count = goInt((Double(l - 1) / Double(size)).rounded(.down) + 1)
        guard count >= 0 else { throw makeslice }
        var chunks: [GoValue] = []
        for i in 0..<count {
            var length = size
            if i == count - 1 {
                length = goInt(fmod(Double(l), Double(size)).rounded(.down))
                if length == 0 { length = size }
            }
            guard length >= 0 else { throw makeslice }
            var chunk: [GoValue] = []
            for j in 0..<length {
                let index = i * size + j
                guard items.indices.contains(index) else { throw SprigError("reflect: slice index out of range") }
                chunk.append(items[index])
            }
            chunks.append(.anyList(chunk))
        }
        return .list(chunks, type: .sliceOfSliceOfAny)
    }

    /// Go's float64 → int conversion on amd64: NaN and out-of-range values become `Int.min`.
    static func goInt(_ d: Double) -> Int {
        guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int.min }
        return Int(d)
    }
}
