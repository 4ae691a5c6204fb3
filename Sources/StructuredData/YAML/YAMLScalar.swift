import Foundation

/// Typing of one scalar, as yaml.v2's decoder does it: untagged plain scalars are resolved; quoted
/// and block scalars, `!!str`, the non-specific `!` and unknown tags give strings; `!!int`,
/// `!!float`, `!!bool`, `!!null` must resolve to their type (a `!!float` integer becomes a float);
/// `!!binary` is base64-decoded.
enum YAMLScalar {
    static let prefix = "tag:yaml.org,2002:"
    static let mergeTag = prefix + "merge"

    static func value(_ text: String, tag: String?, plain: Bool, line: Int) throws(StructuredDataError) -> JSONValue {
        if tag == prefix + "binary" {
            let compact = text.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else {
                throw StructuredDataError(.invalidYAML, "yaml: line \(line): !!binary value contains invalid base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        switch try resolved(text, tag: tag, plain: plain, line: line) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let u): return .double(Double(u))
        case .float(let d): return .double(d)
        case .timestamp, .merge, .string: return .string(text)
        }
    }

    static func resolved(_ text: String, tag: String?, plain: Bool, line: Int) throws(StructuredDataError) -> YAMLScalarResolver.Resolved {
        guard let tag else { return plain ? YAMLScalarResolver.resolve(text) : .string }
        func mismatch(_ found: YAMLScalarResolver.Resolved) -> StructuredDataError {
            StructuredDataError(.invalidYAML, "yaml: line \(line): cannot decode \(shortName(found)) `\(text)` as a \(shortTag(tag))")
        }
        let r = YAMLScalarResolver.resolve(text)
        switch tag {
        case prefix + "int":
            switch r {
            case .int, .bigInt: return r
            default: throw mismatch(r)
            }
        case prefix + "float":
            switch r {
            case .float: return r
            case .int(let i): return .float(Double(i))
            case .bigInt(let u): return .float(Double(u))
            default: throw mismatch(r)
            }
        case prefix + "bool":
            if case .bool = r { return r }
            throw mismatch(r)
        case prefix + "null":
            if case .null = r { return r }
            throw mismatch(r)
        case prefix + "timestamp":
            return .timestamp
        case mergeTag:
            return .merge
        default:
            return .string
        }
    }

    private static func shortTag(_ tag: String) -> String {
        tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }

    private static func shortName(_ r: YAMLScalarResolver.Resolved) -> String {
        switch r {
        case .null: return "!!null"
        case .bool: return "!!bool"
        case .int, .bigInt: return "!!int"
        case .float: return "!!float"
        case .timestamp: return "!!timestamp"
        case .merge: return "!!merge"
        case .string: return "!!str"
        }
    }
}
