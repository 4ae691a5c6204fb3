import StructuredData

/// Helm's `strvals` parser for `--set`, `--set-string`, `--set-file` and `--set-json`:
/// `a.b=c,list[0]=x,arr={1,2}` with `\` escapes. Values typed as Helm types them: `true`/`false`
/// (any case) → bool, `null` → nil, base-10 ints without a leading zero → int64, else string.
public enum StrVals {
    /// How the right-hand side of `key=value` is read.
    public enum Mode: Sendable {
        /// `--set`: typed scalars.
        case typed
        /// `--set-string`: always strings.
        case string
        /// `--set-json`: a JSON value (empty means null).
        case json
        /// `--set-file`: the value is a path whose contents (a string) are read by `reader`.
        case file(@Sendable (String) throws -> JSONValue)
    }

    /// Helm's `MaxIndex`.
    public static let maxIndex = 65536
    /// Helm's `MaxNestedNameLevel`.
    public static let maxNestedNameLevel = 30

    /// Parses `line` and merges the result into `dest` (later keys overwrite).
    public static func parse(_ line: String, into dest: inout JSONObject, mode: Mode = .typed) throws(HelmError) {
        var parser = StrValsParser(text: Array(line.unicodeScalars), mode: mode)
        do {
            while true {
                let more = try parser.key(&dest, level: 0)
                if !more { return }
            }
        } catch let error as HelmError {
            throw error
        } catch {
            throw HelmError(.values, "\(error)")
        }
    }

    /// Parses `line` into a fresh map.
    public static func parse(_ line: String, mode: Mode = .typed) throws(HelmError) -> JSONObject {
        var result = JSONObject()
        try parse(line, into: &result, mode: mode)
        return result
    }

    /// Helm's `typedVal`.
    static func typedValue(_ text: String, asString: Bool) -> JSONValue {
        if asString { return .string(text) }
        let lower = text.lowercased()
        if lower == "true" { return .bool(true) }
        if lower == "false" { return .bool(false) }
        if lower == "null" { return .null }
        if text == "0" { return .int(0) }
        if let first = text.first, first != "0", let value = Self.parseInt64(text) { return .int(value) }
        return .string(text)
    }

    /// Go's `strconv.ParseInt(s, 10, 64)`: optional sign, ASCII digits, no overflow.
    static func parseInt64(_ text: String) -> Int64? {
        var scalars = Substring(text)
        var negative = false
        if let f = scalars.first, f == "+" || f == "-" { negative = f == "-"; scalars = scalars.dropFirst() }
        guard !scalars.isEmpty, scalars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var value: Int64 = 0
        for c in scalars.utf8 {
            let digit = Int64(c - 48)
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = s
        }
        return value
    }
}

/// Errors inside the parser carry Helm's text.
struct StrValsError: Error, CustomStringConvertible {
    var description: String
    init(_ text: String) { description = text }
}
