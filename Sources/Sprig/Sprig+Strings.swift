import GoCompat
import GoTemplate

extension Sprig {
    static let strings: [GoFunction] = [
        fn("hello", [], result: .string) { _ in .string("Hello!") },
        fn("abbrev", [.int, .string], result: .string) { a in .string(abbrev(a[1].str, width: a[0].intValue)) },
        fn("abbrevboth", [.int, .int, .string], result: .string) { a in
            .string(abbrevBoth(a[2].str, left: a[0].intValue, width: a[1].intValue))
        },
        fn("trunc", [.int, .string], result: .string) { a in .string(trunc(a[1].str, a[0].intValue)) },
        fn("trim", [.string], result: .string) { a in .string(TextUtil.trimSpace(a[0].str)) },
        fn("upper", [.string], result: .string) { a in .string(TextUtil.goToUpper(a[0].str)) },
        fn("lower", [.string], result: .string) { a in .string(TextUtil.goToLower(a[0].str)) },
        fn("substr", [.int, .int, .string], result: .string) { a in
            .string(try substr(a[2].str, start: a[0].intValue, end: a[1].intValue))
        },
        fn("repeat", [.int, .string], result: .string) { a in
            guard a[0].intValue >= 0 else { throw SprigError("strings: negative Repeat count") }
            let (total, overflow) = a[0].intValue.multipliedReportingOverflow(by: a[1].str.utf8.count)
            if overflow { throw SprigError("strings: Repeat output length overflow") }
            try SprigLimits.checkString(total)
            return .string(String(repeating: a[1].str, count: a[0].intValue))
        },
        fn("trimall", [.string, .string], result: .string) { a in .string(TextUtil.trim(a[1].str, cutset: a[0].str)) },
        fn("trimAll", [.string, .string], result: .string) { a in .string(TextUtil.trim(a[1].str, cutset: a[0].str)) },
        fn("trimSuffix", [.string, .string], result: .string) { a in
            let s = Array(a[1].str.utf8), suffix = Array(a[0].str.utf8)
            guard s.count >= suffix.count, Array(s[(s.count - suffix.count)...]) == suffix else { return a[1] }
            return .string(String(decoding: s[..<(s.count - suffix.count)], as: UTF8.self))
        },
        fn("trimPrefix", [.string, .string], result: .string) { a in
            let s = Array(a[1].str.utf8), prefix = Array(a[0].str.utf8)
            guard s.starts(with: prefix) else { return a[1] }
            return .string(String(decoding: s[prefix.count...], as: UTF8.self))
        },
        fn("nospace", [.string], result: .string) { a in .string(deleteWhiteSpace(a[0].str)) },
        fn("contains", [.string, .string], result: .bool) { a in .bool(TextUtil.contains(a[1].str, a[0].str)) },
        fn("hasPrefix", [.string, .string], result: .bool) { a in .bool(a[1].str.utf8.starts(with: a[0].str.utf8)) },
        fn("hasSuffix", [.string, .string], result: .bool) { a in .bool(a[1].str.utf8.reversed().starts(with: a[0].str.utf8.reversed())) },
        fn("quote", [], variadic: .any, result: .string) { a in
            .string(a.filter { !$0.isInterfaceNil }.map { GoQuote.quote($0.strval) }.joined(separator: " "))
        },
        fn("squote", [], variadic: .any, result: .string) { a in
            .string(a.filter { !$0.isInterfaceNil }.map { "'" + $0.strval + "'" }.joined(separator: " "))
        },
        fn("cat", [], variadic: .any, result: .string) { a in
            .string(a.filter { !$0.isInterfaceNil }.map { GoFmt.string($0) }.joined(separator: " "))
        },
        fn("indent", [.int, .string], result: .string) { a in .string(try indent(a[1].str, a[0].intValue)) },
        fn("nindent", [.int, .string], result: .string) { a in .string("\n" + (try indent(a[1].str, a[0].intValue))) },
        fn("replace", [.string, .string, .string], result: .string) { a in
            .string(TextUtil.replaceAll(a[2].str, a[0].str, a[1].str))
        },
        fn("plural", [.string, .string, .int], result: .string) { a in .string(a[2].int64 == 1 ? a[0].str : a[1].str) },
        fn("toString", [.any], result: .string) { a in .string(a[0].strval) },
        fn("toStrings", [.any], result: .sliceOfString) { a in
            // strslice hands a []string back as it is: a nil one stays nil.
            if case .nilValue(let t) = a[0].concrete, t == .sliceOfString { return a[0].concrete }
            return .strings(toStrings(a[0]))
        },
        fn("join", [.string, .any], result: .string) { a in .string(toStrings(a[1]).joined(separator: a[0].str)) },
        fn("sortAlpha", [.any], result: .sliceOfString) { a in
            guard a[0].listItems != nil else { return .strings([a[0].strval]) }
            // strslice hands a []string back as it is: a nil one stays nil (`toJson` → null).
            if case .nilValue(let t) = a[0].concrete, t == .sliceOfString { return a[0].concrete }
            return .strings(toStrings(a[0]).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        },
        fn("split", [.string, .string], result: .mapStringString) { a in
            splitMap(TextUtil.split(a[1].str, a[0].str, limit: -1))
        },
        fn("splitn", [.string, .int, .string], result: .mapStringString) { a in
            splitMap(TextUtil.split(a[2].str, a[0].str, limit: a[1].intValue))
        },
        fn("splitList", [.string, .string], result: .sliceOfString) { a in .strings(TextUtil.split(a[1].str, a[0].str, limit: -1)) },
    ]

    static func splitMap(_ parts: [String]) -> GoValue {
        var entries: [(String, GoValue)] = []
        for (i, p) in parts.enumerated() { entries.append(("_\(i)", .string(p))) }
        return .map(.init(uniqueKeysWithValues: entries), type: .mapStringString)
    }

    /// Sprig's `strslice`: `[]string` as-is, other lists element-wise via `strval` (nils
    /// dropped), nil → empty, anything else a one-element list.
    static func toStrings(_ value: GoValue) -> [String] {
        if value.isInterfaceNil { return [] }
        if let items = value.listItems {
            if value.concrete.goType?.name == "[]string" { return items.map(\.str) }
            return items.filter { !$0.isInterfaceNil }.map(\.strval)
        }
        return [value.strval]
    }

    /// goutils' `DeleteWhiteSpace`: byte by byte, each byte taken as the rune of that value
    /// (so a multi-byte character comes out as its Latin-1 bytes, and bytes 0x85/0xA0 count
    /// as spaces), unless nothing was removed.
    static func deleteWhiteSpace(_ s: String) -> String {
        var out = ""
        var removed = false
        for b in s.utf8 {
            if b == 0x20 || (0x09...0x0D).contains(b) || b == 0x85 || b == 0xA0 {
                removed = true
            } else {
                out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return removed ? out : s
    }

    /// Sprig's `indent`: `strings.Repeat(" ", spaces)` before every line; a negative count
    /// is Go's `strings: negative Repeat count` panic.
    static func indent(_ text: String, _ spaces: Int) throws(SprigError) -> String {
        guard spaces >= 0 else { throw SprigError("strings: negative Repeat count") }
        try SprigLimits.checkString(spaces)
        let pad = String(repeating: " ", count: spaces)
        return pad + TextUtil.replaceAll(text, "\n", "\n" + pad)
    }

    /// Byte-based truncation; a negative length keeps the last `-n` bytes.
    static func trunc(_ s: String, _ n: Int) -> String {
        let bytes = Array(s.utf8)
        if n < 0, bytes.count + n > 0 { return String(decoding: bytes[(bytes.count + n)...], as: UTF8.self) }
        if n >= 0, bytes.count > n { return String(decoding: bytes[..<n], as: UTF8.self) }
        return s
    }

    static func substr(_ s: String, start: Int, end: Int) throws -> String {
        let bytes = Array(s.utf8)
        if start < 0 {
            // Go's s[:end]
            guard end >= 0 else { throw SprigError("runtime error: slice bounds out of range [:\(end)]") }
            guard end <= bytes.count else {
                throw SprigError("runtime error: slice bounds out of range [:\(end)] with length \(bytes.count)")
            }
            return String(decoding: bytes[..<end], as: UTF8.self)
        }
        if end < 0 || end > bytes.count {
            guard start <= bytes.count else {
                throw SprigError("runtime error: slice bounds out of range [\(start):\(bytes.count)]")
            }
            return String(decoding: bytes[start...], as: UTF8.self)
        }
        guard start <= end else { throw SprigError("runtime error: slice bounds out of range [\(start):\(end)]") }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// goutils `Abbreviate` (byte-based, `...` marker); widths below 4 leave `s` unchanged.
    static func abbrev(_ s: String, width: Int) -> String {
        if width < 4 { return s }
        return abbrevFull(Array(s.utf8), offset: 0, width: width)
    }

    static func abbrevBoth(_ s: String, left: Int, width: Int) -> String {
        if width < 4 || (left > 0 && width < 7) { return s }
        return abbrevFull(Array(s.utf8), offset: left, width: width)
    }

    /// goutils `AbbreviateFull`.
    static func abbrevFull(_ b: [UInt8], offset start: Int, width: Int) -> String {
        func text(_ slice: ArraySlice<UInt8>) -> String { String(decoding: slice, as: UTF8.self) }
        if b.isEmpty { return "" }
        if b.count <= width { return text(b[...]) }
        var offset = min(start, b.count)
        if b.count - offset < width - 3 { offset = b.count - (width - 3) }
        if offset <= 4 { return text(b[0..<(width - 3)]) + "..." }
        if width < 7 { return "" }
        if offset + width - 3 < b.count { return "..." + abbrevFull(Array(b[offset...]), offset: 0, width: width - 3) }
        return "..." + text(b[(b.count - (width - 3))...])
    }
}
