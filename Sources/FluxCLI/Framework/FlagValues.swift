import Foundation
import GoCompat

/// The flags of one invocation: every declared flag's spec and the values given on the command
/// line, in order. Getters return the typed value, or the default when the flag was not given.
///
/// Values were checked when parsed (`FlagParser`), so a getter only falls back to the zero value
/// for a spec whose own default is malformed.
public struct FlagValues: Sendable {
    public private(set) var specs: [String: FlagSpec]
    private var given: [String: [String]] = [:]

    init(specs: [FlagSpec]) {
        var byName: [String: FlagSpec] = [:]
        for spec in specs where byName[spec.name] == nil { byName[spec.name] = spec }
        self.specs = byName
    }

    /// Records one occurrence of `name` (already validated).
    mutating func record(_ name: String, _ value: String) {
        given[name, default: []].append(value)
    }

    /// Whether the user set the flag (`Flags().Changed`).
    public func changed(_ name: String) -> Bool { given[name] != nil }

    private func last(_ name: String) -> String {
        given[name]?.last ?? specs[name]?.defaultValue ?? ""
    }

    public func bool(_ name: String) -> Bool { FlagConversion.parseBool(last(name)) ?? false }

    public func string(_ name: String) -> String { last(name) }

    /// A string-slice or string-array flag: every occurrence (comma-split for slices), or the default.
    public func strings(_ name: String) -> [String] {
        guard let values = given[name] else { return FlagConversion.parseDefaultList(specs[name]?.defaultValue ?? "[]") }
        guard specs[name]?.kind == .strings else { return values }
        return values.flatMap { (try? FlagConversion.readCSV($0)) ?? [$0] }
    }

    public func duration(_ name: String) -> GoDuration { (try? GoDuration.parse(last(name))) ?? .zero }

    public func int(_ name: String) -> Int64 { FlagConversion.parseInt(last(name)) ?? 0 }

    public func double(_ name: String) -> Double { Double(last(name)) ?? 0 }
}

/// Go's `strconv`, `encoding/csv` and `time` conversions as pflag applies them to flag text.
enum FlagConversion {
    /// `strconv.ParseBool`.
    static func parseBool(_ s: String) -> Bool? {
        switch s {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default: return nil
        }
    }

    /// `strconv.ParseInt(s, 0, 64)`: decimal, `0x`, `0o`/`0` and `0b` prefixes, optional sign.
    static func parseInt(_ s: String) -> Int64? {
        var text = Substring(s)
        var negative = false
        if text.first == "+" || text.first == "-" {
            negative = text.first == "-"
            text = text.dropFirst()
        }
        var radix = 10
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { radix = 16; text = text.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; text = text.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; text = text.dropFirst(2) }
        else if text.count > 1 && text.first == "0" { radix = 8; text = text.dropFirst() }
        let digits = text.replacingOccurrences(of: "_", with: "")
        guard !digits.isEmpty, let magnitude = UInt64(digits, radix: radix) else { return nil }
        if negative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The error pflag reports for a value that does not convert, or nil when it does.
    static func check(_ value: String, _ spec: FlagSpec) -> String? {
        switch spec.kind {
        case .bool:
            return parseBool(value) == nil ? "strconv.ParseBool: parsing \(goQuote(value)): invalid syntax" : nil
        case .duration:
            do { _ = try GoDuration.parse(value); return nil } catch { return error.message }
        case .int, .int64:
            return parseInt(value) == nil ? "strconv.ParseInt: parsing \(goQuote(value)): invalid syntax" : nil
        case .float32:
            return Double(value) == nil ? "strconv.ParseFloat: parsing \(goQuote(value)): invalid syntax" : nil
        case .strings:
            do { _ = try readCSV(value); return nil } catch { return error.message }
        case .string, .stringArray:
            return nil
        case .custom:
            return spec.validate?(value)
        }
    }

    /// One line of `encoding/csv`, as pflag's `readAsCSV` reads a string-slice value.
    static func readCSV(_ line: String) throws(FluxCLIError) -> [String] {
        if line.isEmpty { return [] }
        var fields: [String] = []
        let chars = Array(line)
        var i = 0
        while true {
            var field = ""
            if i < chars.count && chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    if chars[i] == "\"" {
                        if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    field.append(chars[i])
                    i += 1
                }
                if !closed || (i < chars.count && chars[i] != ",") {
                    throw FluxCLIError("parse error on line 1, column \(i + 1): extraneous or missing \" in quoted-field")
                }
            } else {
                while i < chars.count && chars[i] != "," {
                    if chars[i] == "\"" { throw FluxCLIError("parse error on line 1, column \(i + 1): bare \" in non-quoted-field") }
                    field.append(chars[i])
                    i += 1
                }
            }
            fields.append(field)
            if i >= chars.count { break }
            i += 1
        }
        return fields
    }

    /// `[a,b]` back to a list (the defaults of slice flags are written that way).
    static func parseDefaultList(_ text: String) -> [String] {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return text.isEmpty ? [] : [text] }
        let inner = text.dropFirst().dropLast()
        return inner.isEmpty ? [] : inner.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }

    /// Go's `%q` for ASCII text (what pflag and strconv errors quote with).
    static func goQuote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
