/// Go's template comparison functions (`eq`, `ne`, `lt`, `le`, `gt`, `ge`) with Go 1.21's
/// kind rules: only basic kinds compare; int and uint mix; other mixes are errors.
enum Comparison {
    enum BasicKind { case invalid, bool, complex, int, float, string, uint }

    static let badComparisonType = GoTemplateError.function("invalid type for comparison")
    static let badComparison = GoTemplateError.function("incompatible types for comparison")
    static let noComparison = GoTemplateError.function("missing argument for comparison")

    static func basicKind(_ v: GoValue) -> BasicKind {
        switch v.resolved {
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .float: return .float
        case .complex: return .complex
        case .string: return .string
        default: return .invalid
        }
    }

    static func isNilLike(_ v: GoValue) -> Bool { v.isNil }

    static func eq(_ a1: GoValue, _ rest: [GoValue]) throws -> Bool {
        let arg1 = a1.unwrapped.resolved
        if rest.isEmpty { throw noComparison }
        let k1 = basicKind(arg1)
        for r in rest {
            let arg = r.unwrapped.resolved
            let k2 = basicKind(arg)
            var truth = false
            if k1 != k2 {
                switch (arg1, arg) {
                case (.int(let i, _), .uint(let u, _)): truth = i >= 0 && UInt64(i) == u
                case (.uint(let u, _), .int(let i, _)): truth = i >= 0 && u == UInt64(i)
                default:
                    if !arg1.isInvalid && !arg.isInvalid { throw badComparison }
                }
            } else {
                switch (arg1, arg) {
                case (.bool(let x), .bool(let y)): truth = x == y
                case (.complex(let r1, let i1, _), .complex(let r2, let i2, _)): truth = r1 == r2 && i1 == i2
                case (.float(let x, _), .float(let y, _)): truth = x == y
                case (.int(let x, _), .int(let y, _)): truth = x == y
                case (.string(let x), .string(let y)): truth = x == y
                case (.uint(let x, _), .uint(let y, _)): truth = x == y
                default:
                    // Go's canCompare: the same reflect kind (or a nil); the values print with %s.
                    if !arg1.isInvalid && !arg.isInvalid && arg1.goType?.kind != arg.goType?.kind {
                        throw GoTemplateError.function("non-comparable types \(GoFmt.sprintf("%s", [arg1])): \(arg1.goType?.name ?? "<nil>"), \(arg.goType?.name ?? "<nil>"): \(GoFmt.string(arg))")
                    }
                    if isNilLike(arg1) || isNilLike(arg) {
                        truth = isNilLike(arg1) == isNilLike(arg)
                    } else {
                        switch arg {
                        case .list, .map, .bytes, .function:
                            throw GoTemplateError.function("non-comparable type \(GoFmt.sprintf("%s", [arg])): \(arg.goType?.name ?? "<nil>")")
                        default:
                            if arg1.goType != arg.goType {
                                throw GoTemplateError.function("non-comparable types \(GoFmt.string(arg1)): \(arg1.goType?.name ?? "<nil>"), \(arg.goType?.name ?? "<nil>"): \(GoFmt.string(arg))")
                            }
                            truth = false
                        }
                    }
                }
            }
            if truth { return true }
        }
        return false
    }

    static func lt(_ a1: GoValue, _ a2: GoValue) throws -> Bool {
        let arg1 = a1.unwrapped.resolved
        let k1 = basicKind(arg1)
        if k1 == .invalid { throw badComparisonType }
        let arg2 = a2.unwrapped.resolved
        let k2 = basicKind(arg2)
        if k2 == .invalid { throw badComparisonType }
        if k1 != k2 {
            switch (arg1, arg2) {
            case (.int(let i, _), .uint(let u, _)): return i < 0 || UInt64(i) < u
            case (.uint(let u, _), .int(let i, _)): return i >= 0 && u < UInt64(i)
            default: throw badComparison
            }
        }
        switch (arg1, arg2) {
        case (.float(let x, _), .float(let y, _)): return x < y
        case (.int(let x, _), .int(let y, _)): return x < y
        case (.uint(let x, _), .uint(let y, _)): return x < y
        case (.string(let x), .string(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)
        default: throw badComparisonType
        }
    }

    static func le(_ a1: GoValue, _ a2: GoValue) throws -> Bool {
        if try lt(a1, a2) { return true }
        return try eq(a1, [a2])
    }
}
