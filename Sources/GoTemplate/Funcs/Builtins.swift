import GoCompat

/// Go's builtin template functions (`text/template/funcs.go`). Function-map entries of the
/// same name override them (so Sprig's `slice` replaces Go's).
enum Builtins {
    static let rv = GoType.reflectValue

    static let table: [String: GoFunction] = [
        "and": GoFunction("and", parameters: [rv], variadic: rv, result: rv) { a, _ in a.last ?? .invalid },
        "or": GoFunction("or", parameters: [rv], variadic: rv, result: rv) { a, _ in a.last ?? .invalid },
        "not": GoFunction("not", parameters: [rv], result: .bool) { a, _ in .bool(!a[0].truth) },
        "len": GoFunction("len", parameters: [rv], result: .int, returnsError: true) { a, _ in try length(a[0]) },
        "index": GoFunction("index", parameters: [rv], variadic: rv, result: rv, returnsError: true) { a, _ in
            try index(a[0], Array(a.dropFirst()))
        },
        "slice": GoFunction("slice", parameters: [rv], variadic: rv, result: rv, returnsError: true) { a, _ in
            try slice(a[0], Array(a.dropFirst()))
        },
        "call": GoFunction("call", parameters: [rv], variadic: rv, result: rv, returnsError: true) { _, _ in .invalid },
        "print": GoFunction("print", parameters: [], variadic: .any, result: .string) { a, _ in .string(GoFmt.sprint(a)) },
        "println": GoFunction("println", parameters: [], variadic: .any, result: .string) { a, _ in .string(GoFmt.sprintln(a)) },
        "printf": GoFunction("printf", parameters: [.string], variadic: .any, result: .string) { a, _ in
            guard case .string(let format) = a[0] else { return .string("") }
            return .string(GoFmt.sprintf(format, Array(a.dropFirst())))
        },
        "html": GoFunction("html", parameters: [], variadic: .any, result: .string) { a, _ in .string(htmlEscape(evalArgs(a))) },
        "js": GoFunction("js", parameters: [], variadic: .any, result: .string) { a, _ in .string(jsEscape(evalArgs(a))) },
        "urlquery": GoFunction("urlquery", parameters: [], variadic: .any, result: .string) { a, _ in .string(queryEscape(evalArgs(a))) },
        "eq": GoFunction("eq", parameters: [rv], variadic: rv, result: .bool, returnsError: true) { a, _ in
            .bool(try Comparison.eq(a[0], Array(a.dropFirst())))
        },
        "ne": GoFunction("ne", parameters: [rv, rv], result: .bool, returnsError: true) { a, _ in
            .bool(try !Comparison.eq(a[0], [a[1]]))
        },
        "lt": GoFunction("lt", parameters: [rv, rv], result: .bool, returnsError: true) { a, _ in .bool(try Comparison.lt(a[0], a[1])) },
        "le": GoFunction("le", parameters: [rv, rv], result: .bool, returnsError: true) { a, _ in .bool(try Comparison.le(a[0], a[1])) },
        "gt": GoFunction("gt", parameters: [rv, rv], result: .bool, returnsError: true) { a, _ in .bool(try !Comparison.le(a[0], a[1])) },
        "ge": GoFunction("ge", parameters: [rv, rv], result: .bool, returnsError: true) { a, _ in .bool(try !Comparison.lt(a[0], a[1])) },
    ]

    static func fail(_ m: String) -> GoTemplateError { .function(m) }

    static func length(_ v: GoValue) throws -> GoValue {
        switch v.resolved {
        // An untyped nil (Go's zero reflect.Value) makes Go's length panic inside reflect; a
        // nil interface value (a missing map key) is a nil pointer to it.
        case .invalid: throw fail("reflect: call of reflect.Value.Type on zero Value")
        case .nilValue(GoType.any): throw fail("len of nil pointer")
        case .nilValue(let t):
            if t.kind == .pointer { throw fail("len of nil pointer") }
            if t.kind == .slice || t.kind == .map { return .of(0) }
            throw fail("len of type \(t.name)")
        case .string(let s): return .of(s.utf8.count)
        case .bytes(let b): return .of(b.count)
        case .list(let l): return .of(l.items.count)
        case .map(let m): return .of(m.entries.count)
        case let other:
            if other.isNil { throw fail("len of nil pointer") }
            throw fail("len of type \(other.goType?.name ?? "<nil>")")
        }
    }

    /// Go's `indexArg`: an integer index within `0...cap` (exclusive of `cap` when `strict`).
    static func indexArg(_ v: GoValue, cap: Int, strict: Bool) throws -> Int {
        let x: Int64
        switch v {
        case .int(let i, _): x = i
        case .uint(let u, _): x = u > UInt64(Int64.max) ? -1 : Int64(u)
        case .invalid, .nilValue(GoType.any): throw fail("cannot index slice/array with nil")
        default: throw fail("cannot index slice/array with type \(v.goType?.name ?? "<nil>")")
        }
        if x < 0 || x > Int64(cap) || (strict && x == Int64(cap)) { throw fail("index out of range: \(x)") }
        return Int(x)
    }

    static func index(_ item: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        var item = item.unwrapped.resolved
        if item.isInvalid { throw fail("index of untyped nil") }
        for idx in indexes {
            let idx = idx.unwrapped
            switch item {
            case .list(let l):
                item = l.items[try indexArg(idx, cap: l.items.count, strict: true)]
            case .bytes(let b):
                item = .uint(UInt64(b[try indexArg(idx, cap: b.count, strict: true)]), .uint8)
            case .string(let s):
                let u = Array(s.utf8)
                item = .uint(UInt64(u[try indexArg(idx, cap: u.count, strict: true)]), .uint8)
            case .map(let m):
                let keyType = m.type.key ?? .string
                if let kt = m.type.key, kt.isSignedInt || kt.isUnsignedInt {
                    switch idx {
                    case .int(let i, _): item = m.entries[String(i)] ?? .zero(of: m.elementType)
                    case .uint(let u, _): item = m.entries[String(u)] ?? .zero(of: m.elementType)
                    default:
                        if idx.isPlainNil { throw fail("value is nil; should be of type \(kt.name)") }
                        throw fail("value has type \(idx.goType?.name ?? "<nil>"); should be \(kt.name)")
                    }
                    continue
                }
                guard case .string(let k) = idx else {
                    if idx.isPlainNil { throw fail("value is nil; should be of type \(keyType.name)") }
                    throw fail("value has type \(idx.goType?.name ?? "<nil>"); should be \(keyType.name)")
                }
                item = m.entries[k] ?? .zero(of: m.elementType)
            case .nilValue(let t) where t.kind == .map:
                item = .zero(of: t.elem ?? .any)
            case .nilValue(let t) where t.kind == .pointer:
                throw fail("index of nil pointer")
            case .nilValue(let t) where t.kind == .slice:
                _ = try indexArg(idx, cap: 0, strict: true)
            default:
                if item.isNil { throw fail("index of nil pointer") }
                throw fail("can't index item of type \(item.goType?.name ?? "<nil>")")
            }
            item = item.resolved
        }
        return item
    }

    static func slice(_ item: GoValue, _ indexes: [GoValue]) throws -> GoValue {
        let item = item.unwrapped.resolved
        if item.isInvalid { throw fail("slice of untyped nil") }
        if indexes.count > 3 { throw fail("too many slice indexes: \(indexes.count)") }
        let count: Int
        var cap: Int
        switch item {
        case .string(let s):
            if indexes.count == 3 { throw fail("cannot 3-index slice a string") }
            count = s.utf8.count
            cap = count
        case .list(let l): count = l.items.count; cap = l.capacity
        case .bytes(let b): count = b.count; cap = count
        case .nilValue(let t) where t.kind == .slice: count = 0; cap = 0
        default: throw fail("can't slice item of type \(item.goType?.name ?? "<nil>")")
        }
        var idx = [0, count, cap]
        for (i, x) in indexes.enumerated() { idx[i] = try indexArg(x.unwrapped, cap: cap, strict: false) }
        if idx[0] > idx[1] { throw fail("invalid slice index: \(idx[0]) > \(idx[1])") }
        if indexes.count == 3 && idx[1] > idx[2] { throw fail("invalid slice index: \(idx[1]) > \(idx[2])") }
        switch item {
        case .string(let s): return .string(String(decoding: Array(s.utf8)[idx[0]..<idx[1]], as: UTF8.self))
        case .list(let l):
            let t = l.type.kind == .array ? GoType.slice(of: l.type.elem ?? .any) : l.type
            let zero = GoValue.zero(of: l.type.elem ?? .any)
            let items = (idx[0]..<idx[1]).map { $0 < l.items.count ? l.items[$0] : zero }
            let newCap = (indexes.count == 3 ? idx[2] : cap) - idx[0]
            return .list(GoList(type: t, items: items, extraCapacity: newCap - items.count))
        case .bytes(let b): return .bytes(Array(b[idx[0]..<min(idx[1], b.count)]))
        default: return item
        }
    }

    /// `call fn args...` (Go's `call` builtin with `prepareArg` conversions).
    static func call(_ argv: [GoValue], state: ExecState) throws -> GoValue {
        let fnValue = argv[0].unwrapped
        guard case .function(let fn) = fnValue else {
            if fnValue.isInvalid || fnValue.isNil { throw fail("call of nil") }
            throw fail("non-function of type \(fnValue.goType?.name ?? "<nil>")")
        }
        let args = Array(argv.dropFirst())
        let numIn = fn.parameters.count
        if fn.variadic != nil {
            if args.count < numIn { throw fail("wrong number of args: got \(args.count) want at least \(numIn)") }
        } else if args.count != numIn {
            throw fail("wrong number of args: got \(args.count) want \(numIn)")
        }
        var prepared: [GoValue] = []
        for (i, a) in args.enumerated() {
            let argType = i < numIn ? fn.parameters[i] : (fn.variadic ?? .any)
            let v = a.unwrapped
            if v.isInvalid {
                if !argType.canBeNil { throw fail("arg \(i): value is nil; should be of type \(argType.name)") }
                prepared.append(.zero(of: argType))
                continue
            }
            if Conversion.assignable(v, to: argType) { prepared.append(v); continue }
            if let c = Conversion.convertInteger(v, to: argType) { prepared.append(c); continue }
            throw fail("arg \(i): value has type \(v.goType?.name ?? "<nil>"); should be \(argType.name)")
        }
        return try fn.body(prepared, state.context)
    }

    /// Go's `evalArgs` for html/js/urlquery.
    static func evalArgs(_ args: [GoValue]) -> String {
        if args.count == 1, case .string(let s) = args[0] { return s }
        let printable = args.map { a -> GoValue in a.isPlainNil ? .string("<no value>") : a }
        return GoFmt.sprint(printable)
    }
}

extension Conversion {
    /// Go's `intLike` conversion used by `call`: between integer kinds.
    static func convertInteger(_ v: GoValue, to t: GoType) -> GoValue? {
        switch v {
        case .int(let i, _):
            if t.isSignedInt { return .int(i, t) }
            if t.isUnsignedInt { return .uint(UInt64(bitPattern: i), t) }
        case .uint(let u, _):
            if t.isSignedInt { return .int(Int64(bitPattern: u), t) }
            if t.isUnsignedInt { return .uint(u, t) }
        default: break
        }
        return nil
    }
}
