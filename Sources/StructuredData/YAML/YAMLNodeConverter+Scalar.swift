import Foundation
import Yams

extension YAMLNodeConverter {
    /// The value of a scalar: untagged plain scalars are resolved; quoted and block scalars and
    /// `!!str` or unknown tags are strings; `!!int`/`!!float`/`!!bool`/`!!null` must resolve to
    /// their type (a `!!float` integer becomes a float); `!!binary` is base64-decoded.
    static func scalarValue(_ scalar: Node.Scalar) throws(StructuredDataError) -> JSONValue {
        if tagName(scalar) == .binary {
            let compact = scalar.string.filter { !$0.isWhitespace }
            guard let data = Data(base64Encoded: compact) else {
                throw StructuredDataError(.invalidYAML, "yaml: !!binary value contains invalid base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        }
        switch try typedScalar(scalar) {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let d), .float(let d): return .double(d)
        case .timestamp, .merge, .string: return .string(scalar.string)
        }
    }

    static func typedScalar(_ scalar: Node.Scalar) throws(StructuredDataError) -> YAMLScalarResolver.Resolved {
        let tag = tagName(scalar)
        if tag == plainTag { return YAMLScalarResolver.resolve(scalar.string) }
        let text = scalar.string
        func mismatch(_ found: YAMLScalarResolver.Resolved) -> StructuredDataError {
            let line = scalar.mark?.line ?? 0
            return StructuredDataError(
                .invalidYAML,
                "yaml: line \(line): cannot decode \(shortName(found)) `\(text)` as a \(shortTag(tag))")
        }
        switch tag {
        case .int:
            let r = YAMLScalarResolver.resolve(text)
            switch r {
            case .int, .bigInt: return r
            default: throw mismatch(r)
            }
        case .float:
            let r = YAMLScalarResolver.resolve(text)
            switch r {
            case .float: return r
            case .int(let i): return .float(Double(i))
            case .bigInt(let d): return .float(d)
            default: throw mismatch(r)
            }
        case .bool:
            let r = YAMLScalarResolver.resolve(text)
            if case .bool = r { return r }
            throw mismatch(r)
        case .null:
            let r = YAMLScalarResolver.resolve(text)
            if case .null = r { return r }
            throw mismatch(r)
        case .timestamp:
            return .timestamp
        default:
            return .string
        }
    }

    private static func shortTag(_ tag: Tag.Name) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.rawValue.hasPrefix(prefix) ? "!!" + tag.rawValue.dropFirst(prefix.count) : tag.rawValue
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
