import GoCompat

/// Go's `fmt.Sprint`, `fmt.Sprintln` and `fmt.Sprintf` over `GoValue`s, with Go's verbs,
/// flags, width/precision (including `*`), explicit argument indexes and inline error forms
/// (`%!d(string=x)`, `%!s(MISSING)`, `%!(EXTRA int=1)`, `%!(BADINDEX)`, `%!(NOVERB)`).
/// Host objects print through their `Error`/`String` methods when they have one.
public enum GoFmt {
    /// `fmt.Sprint`: a space between operands when neither side is a string.
    public static func sprint(_ args: [GoValue]) -> String {
        var p = Printer()
        var prevString = false
        for (i, a) in args.enumerated() {
            let isString: Bool
            if case .string = a { isString = true } else { isString = false }
            if i > 0 && !isString && !prevString { p.buf.append(0x20) }
            p.printArg(a, UInt8(ascii: "v"))
            prevString = isString
        }
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// `fmt.Sprintln`: operands separated by spaces, then a newline.
    public static func sprintln(_ args: [GoValue]) -> String {
        var p = Printer()
        for (i, a) in args.enumerated() {
            if i > 0 { p.buf.append(0x20) }
            p.printArg(a, UInt8(ascii: "v"))
        }
        p.buf.append(0x0A)
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// `fmt.Sprintf`.
    public static func sprintf(_ format: String, _ args: [GoValue]) -> String {
        var p = Printer()
        p.doPrintf(Array(format.utf8), args)
        return String(decoding: p.buf, as: UTF8.self)
    }

    /// Appends the `%v` form of `value` (templates' `printValue`); with `topLevelDeref` a
    /// pointer to a struct prints as the struct (no `&`).
    static func appendValue(_ value: GoValue, verb: UInt8, to out: inout [UInt8], topLevelDeref: Bool) {
        switch value {
        case .string(let s):
            out.append(contentsOf: s.utf8)
            return
        case .int(let i, _):
            out.append(contentsOf: String(i).utf8)
            return
        default:
            break
        }
        var p = Printer()
        p.derefTopLevel = topLevelDeref
        p.printArg(value, verb)
        out.append(contentsOf: p.buf)
    }

    /// Go's `%v` of a single value.
    public static func string(_ value: GoValue) -> String { sprint([value]) }
}

/// Formatting flags of one verb (Go's `fmt.fmtFlags` plus width and precision).
struct FmtFlags {
    var plus = false, minus = false, sharp = false, space = false, zero = false
    var plusV = false, sharpV = false
    var wid = 0, prec = 0
    var widPresent = false, precPresent = false
}

/// Go's `pp`: the buffer and flags of one print call.
struct Printer {
    var buf: [UInt8] = []
    var f = FmtFlags()
    var erroring = false
    var derefTopLevel = false

    // MARK: padding

    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        let c: UInt8 = f.zero ? UInt8(ascii: "0") : 0x20
        buf.append(contentsOf: repeatElement(c, count: n))
    }

    /// Go's `fmt.pad`: width counted in runes.
    mutating func pad(_ b: [UInt8]) {
        if !f.widPresent || f.wid == 0 { buf.append(contentsOf: b); return }
        let width = f.wid - runeCount(b)
        if !f.minus {
            writePadding(width)
            buf.append(contentsOf: b)
        } else {
            buf.append(contentsOf: b)
            let z = f.zero
            f.zero = false
            writePadding(width)
            f.zero = z
        }
    }

    mutating func pad(_ s: String) { pad(Array(s.utf8)) }

    func runeCount(_ b: [UInt8]) -> Int {
        var n = 0
        for c in b where c & 0xC0 != 0x80 { n += 1 }
        return n
    }

    // MARK: errors

    mutating func badVerb(_ verb: UInt8, _ arg: GoValue?) {
        erroring = true
        buf.append(contentsOf: "%!".utf8)
        appendRune(verb)
        buf.append(UInt8(ascii: "("))
        if let arg, !arg.isPlainNil {
            buf.append(contentsOf: arg.typeName.utf8)
            buf.append(UInt8(ascii: "="))
            printArg(arg, UInt8(ascii: "v"))
        } else {
            buf.append(contentsOf: "<nil>".utf8)
        }
        buf.append(UInt8(ascii: ")"))
        erroring = false
    }

    mutating func appendRune(_ verb: UInt8) { buf.append(verb) }
}

extension GoValue {
    /// A nil interface or no value: what Go's fmt sees as a nil `any`.
    var isPlainNil: Bool {
        switch self {
        case .invalid: return true
        case .nilValue(let t): return t.kind == .interface
        default: return false
        }
    }
}
