/// YAML 1.1 plain-scalar resolution as `gopkg.in/yaml.v2` (v2.4.0) performs it, which is what
/// `sigs.k8s.io/yaml`, Kubernetes and Helm see.
///
/// Contract: `resolve(_:)` maps the text of an *untagged plain* scalar to the value yaml.v2 would
/// decode it into. Quoted and block scalars are never resolved (they are strings). Timestamps are
/// recognised (so the writer can quote them) but decode as their original text, as yaml.v2 does when
/// decoding into `interface{}`.
enum YAMLScalarResolver {
    /// What a plain scalar resolves to.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        /// An integer that does not fit `Int64` (yaml.v2 gives `uint64`); kept as a double.
        case bigInt(UInt64)
        case float(Double)
        case timestamp
        /// Only produced for an explicit `!!merge` tag; a plain `<<` resolves to a string (the decoder
        /// recognises merge keys by their text, yaml.v2's `isMerge`).
        case merge
        case string
    }

    private static let literals: [String: Resolved] = {
        var table: [String: Resolved] = [:]
        for s in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] { table[s] = .bool(true) }
        for s in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] { table[s] = .bool(false) }
        for s in ["", "~", "null", "Null", "NULL"] { table[s] = .null }
        for s in [".nan", ".NaN", ".NAN"] { table[s] = .float(.nan) }
        for s in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { table[s] = .float(.infinity) }
        for s in ["-.inf", "-.Inf", "-.INF"] { table[s] = .float(-.infinity) }
        return table
    }()

    /// Resolves the text of an untagged plain scalar.
    static func resolve(_ text: String) -> Resolved {
        let bytes = Array(text.utf8)
        guard let first = bytes.first else { return .null }
        let hint: Character
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = "S"
        case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = "D"
        case UInt8(ascii: "."): hint = "."
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
            UInt8(ascii: "~"):
            hint = "M"
        default: return .string
        }
        if let known = literals[text] { return known }
        switch hint {
        case ".":
            if let d = parseDecimalFloat(bytes), d.isFinite { return .float(d) }
            return .string
        case "D", "S":
            if isTimestamp(bytes) { return .timestamp }
            let plain = bytes.filter { $0 != UInt8(ascii: "_") }
            if let n = parseGoInt(plain) { return n }
            if let d = parseDecimalFloat(plain), d.isFinite { return .float(d) }
            return .string
        default:
            return .string
        }
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` followed by `ParseUint(s, 0, 64)`: optional sign, then a
    /// `0x`/`0o`/`0b` prefix, a leading-`0` octal, or decimal digits.
    static func parseGoInt(_ bytes: [UInt8]) -> Resolved? {
        var digits = bytes[...]
        var negative = false
        if let s = digits.first, s == UInt8(ascii: "+") || s == UInt8(ascii: "-") {
            negative = s == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        var radix: UInt64 = 10
        if digits.count >= 2, digits.first == UInt8(ascii: "0") {
            let marker = digits[digits.startIndex + 1] | 0x20
            switch marker {
            case UInt8(ascii: "x"): radix = 16; digits = digits.dropFirst(2)
            case UInt8(ascii: "o"): radix = 8; digits = digits.dropFirst(2)
            case UInt8(ascii: "b"): radix = 2; digits = digits.dropFirst(2)
            default: radix = 8; digits = digits.dropFirst()
            }
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for b in digits {
            let v: UInt64
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt64(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = UInt64(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = UInt64(b - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard v < radix else { return nil }
            let (m, o1) = magnitude.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(v)
            if o1 || o2 { return nil }
            magnitude = s
        }
        if negative {
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
            return nil
        }
        if magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
        // ParseUint refuses a sign; a `+` prefix that overflowed Int64 stays unresolved.
        if bytes.first == UInt8(ascii: "+") { return nil }
        return .bigInt(magnitude)
    }

    /// yaml.v2's `yamlStyleFloat` (`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`), then parsed.
    static func parseDecimalFloat(_ bytes: [UInt8]) -> Double? {
        var i = 0
        let n = bytes.count
        func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
        if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > start else { return nil }
        } else {
            let start = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > start else { return nil }
            if i < n, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while i < n, isDigit(bytes[i]) { i += 1 }
            }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let start = i
            while i < n, isDigit(bytes[i]) { i += 1 }
            guard i > start else { return nil }
        }
        guard i == n else { return nil }
        // Normalise `.5` and `5.` so that Swift's parser accepts what Go's does.
        var normal: [UInt8] = []
        for (k, b) in bytes.enumerated() {
            if b == UInt8(ascii: ".") {
                if k == 0 || !isDigit(bytes[k - 1]) { normal.append(UInt8(ascii: "0")) }
                normal.append(b)
                if k + 1 >= n || !isDigit(bytes[k + 1]) { normal.append(UInt8(ascii: "0")) }
            } else {
                normal.append(b)
            }
        }
        let text = String(decoding: normal, as: UTF8.self)
        return Double(text)
    }
}

