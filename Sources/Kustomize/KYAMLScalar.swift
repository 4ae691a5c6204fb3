import Foundation
import StructuredData

/// Scalar typing as yaml.v3 decodes into `interface{}` (what kyaml's `MarshalJSON` does):
/// only `true`/`false` (three spellings) are booleans, `~`/`null`/empty are null, integers take Go's
/// `ParseInt(s, 0, 64)` forms (underscores allowed), floats the YAML form; timestamps stay strings.
/// Quoted and block scalars, and `!!str`, are strings.
enum KYAMLScalar {
    static let prefix = "tag:yaml.org,2002:"

    static func value(_ text: String, tag: String?, plain: Bool, line: Int) throws(KustomizeError) -> JSONValue {
        if let tag, tag != "!" {
            let short = tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
            switch short {
            case "!!str", "!!timestamp": return .string(text)
            case "!!binary":
                let compact = text.filter { !$0.isWhitespace }
                guard let data = Data(base64Encoded: compact) else {
                    throw KustomizeError(.malformedYAML, "yaml: line \(line): !!binary value contains invalid base64 data")
                }
                return .string(String(decoding: data, as: UTF8.self))
            case "!!int":
                if case .int(let i) = resolve(text) { return .int(i) }
                throw KustomizeError(.malformedYAML, "yaml: line \(line): cannot decode !!str `\(text)` as a !!int")
            case "!!float":
                switch resolve(text) {
                case .int(let i): return .double(Double(i))
                case .double(let d): return .double(d)
                default: throw KustomizeError(.malformedYAML, "yaml: line \(line): cannot decode !!str `\(text)` as a !!float")
                }
            case "!!bool", "!!null": return resolve(text)
            default: return plain ? resolve(text) : .string(text)
            }
        }
        return plain ? resolve(text) : .string(text)
    }

    /// The value of an untagged plain scalar.
    static func resolve(_ text: String) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".nan", ".NaN", ".NAN": return .double(.nan)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .double(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .double(-.infinity)
        default: break
        }
        guard let first = text.utf8.first else { return .null }
        let isNumberStart = (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9"))
            || first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
        guard isNumberStart else { return .string(text) }
        if isTimestamp(text) { return .string(text) }
        let plain = text.replacingOccurrences(of: "_", with: "")
        if let i = goParseInt(plain) { return .int(i) }
        if let u = goParseUInt(plain) { return .double(Double(u)) }
        if isYAMLFloat(plain), let d = Double(normalizedFloat(plain)) { return .double(d) }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 0, 64)`.
    static func goParseInt(_ s: String) -> Int64? {
        var body = Substring(s)
        var negative = false
        if body.hasPrefix("+") || body.hasPrefix("-") {
            negative = body.hasPrefix("-")
            body = body.dropFirst()
        }
        guard let magnitude = goParseMagnitude(body) else { return nil }
        if negative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    static func goParseUInt(_ s: String) -> UInt64? {
        if s.hasPrefix("+") || s.hasPrefix("-") { return nil }
        return goParseMagnitude(Substring(s))
    }

    private static func goParseMagnitude(_ body: Substring) -> UInt64? {
        var digits = body
        var radix: UInt64 = 10
        let lower = body.lowercased()
        if lower.hasPrefix("0x") { radix = 16; digits = body.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; digits = body.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; digits = body.dropFirst(2) }
        else if body.count > 1, body.hasPrefix("0") { radix = 8; digits = body.dropFirst() }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in digits.utf8 {
            let d: UInt64
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt64(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt64(c - UInt8(ascii: "A") + 10)
            default: return nil
            }
            guard d < radix else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        return value
    }

    /// `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`
    static func isYAMLFloat(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digit(_ k: Int) -> Bool { k < b.count && b[k] >= 48 && b[k] <= 57 }
        if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        } else {
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while digit(i) { i += 1 }
            }
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { return false }
            while digit(i) { i += 1 }
        }
        return i == b.count
    }

    private static func normalizedFloat(_ s: String) -> String {
        var t = s
        if t.hasPrefix("+") { t.removeFirst() }
        if t.hasPrefix(".") { t = "0" + t }
        if t.hasPrefix("-.") { t = "-0" + t.dropFirst() }
        t = t.replacingOccurrences(of: ".e", with: ".0e").replacingOccurrences(of: ".E", with: ".0E")
        if t.hasSuffix(".") { t += "0" }
        return t
    }

    /// yaml.v3's timestamp forms: `2006-1-2T15:4:5.999999999Z07:00`, `2006-1-2t15:4:5...`,
    /// `2006-1-2 15:4:5...`, `2006-1-2`, checked loosely on shape (date first).
    static func isTimestamp(_ s: String) -> Bool {
        let b = Array(s.utf8)
        var i = 0
        func digits(_ min: Int, _ max: Int) -> Bool {
            let start = i
            while i < b.count, b[i] >= 48, b[i] <= 57, i - start < max { i += 1 }
            return i - start >= min
        }
        guard digits(4, 4), i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard digits(1, 2), i < b.count, b[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard digits(1, 2) else { return false }
        if i == b.count { return true }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " ") else { return false }
        i += 1
        guard digits(1, 2), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard digits(1, 2), i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        i += 1
        return digits(1, 2)
    }
}
