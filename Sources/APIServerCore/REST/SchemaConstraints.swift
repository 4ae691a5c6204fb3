import Foundation
import GoCompat
import KubeModel
import StructuredData
import Synchronization

/// The OpenAPI value constraints of a CRD schema node, with kube-apiserver's messages:
/// `pattern`, `format` (`date-time`, `date`, `int32`, `int64`), `minLength`/`maxLength`,
/// `minimum`/`maximum` (and their exclusive forms), `minItems`/`maxItems`,
/// `minProperties`/`maxProperties`.
enum SchemaConstraints {
    static func number(_ v: JSONValue?) -> Double? {
        switch v {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }

    static func render(_ d: Double) -> String {
        d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
    }

    static func check(_ value: JSONValue, schema: JSONValue, path: String, errors: inout [FieldError]) {
        switch value {
        case .string(let text):
            if let pattern = schema["pattern"]?.stringValue, !matches(text, pattern) {
                errors.append(.invalid(path, text, "\(path) in body should match '\(pattern)'"))
            }
            let length = text.unicodeScalars.count
            if let max = schema["maxLength"]?.intValue, length > max {
                errors.append(FieldError(type: .tooLong, field: path, renderedValue: nil, detail: "may not be longer than \(max)"))
            }
            if let min = schema["minLength"]?.intValue, length < min {
                errors.append(.invalid(path, text, "\(path) in body should be at least \(min) chars long"))
            }
            if let format = schema["format"]?.stringValue, !validFormat(text, format) {
                errors.append(.invalid(path, text, "\(path) in body must be of type \(format): \(GoQuote.quote(text))"))
            }
        case .int, .double:
            guard let n = number(value) else { return }
            let rendered = value.serialized()
            if let max = number(schema["maximum"]) {
                if schema["exclusiveMaximum"]?.boolValue == true, n >= max {
                    errors.append(.invalid(path, rendered: rendered, "\(path) in body should be less than \(render(max))"))
                } else if n > max {
                    errors.append(.invalid(path, rendered: rendered, "\(path) in body should be less than or equal to \(render(max))"))
                }
            }
            if let min = number(schema["minimum"]) {
                if schema["exclusiveMinimum"]?.boolValue == true, n <= min {
                    errors.append(.invalid(path, rendered: rendered, "\(path) in body should be greater than \(render(min))"))
                } else if n < min {
                    errors.append(.invalid(path, rendered: rendered, "\(path) in body should be greater than or equal to \(render(min))"))
                }
            }
            if schema["format"]?.stringValue == "int32", let i = value.intValue, i < Int64(Int32.min) || i > Int64(Int32.max) {
                errors.append(.invalid(path, rendered: rendered, "\(path) in body must be of type int32: \(GoQuote.quote(rendered))"))
            }
        case .array(let items):
            if let max = schema["maxItems"]?.intValue, items.count > max {
                errors.append(FieldError(type: .tooMany, field: path, renderedValue: String(items.count), detail: "must have at most \(max) items"))
            }
            if let min = schema["minItems"]?.intValue, items.count < min {
                errors.append(.invalid(path, rendered: String(items.count), "\(path) in body should have at least \(min) items"))
            }
        case .object(let o):
            if let max = schema["maxProperties"]?.intValue, o.count > max {
                errors.append(FieldError(type: .tooMany, field: path, renderedValue: String(o.count), detail: "must have at most \(max) items"))
            }
            if let min = schema["minProperties"]?.intValue, o.count < min {
                errors.append(.invalid(path, rendered: String(o.count), "\(path) in body should have at least \(min) properties"))
            }
        default:
            break
        }
    }

    /// ECMA-style regular expression search (as OpenAPI's `pattern`: a match anywhere, unless
    /// anchored); an unparsable pattern matches nothing but is not a crash.
    static func matches(_ text: String, _ pattern: String) -> Bool {
        guard let regex = compiled(pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Compiled patterns, shared by every write (a CRD's handful of patterns are checked on every
    /// write of its objects; compiling one each time dominated validation). Bounded: past
    /// `cacheLimit` patterns, new ones are compiled per use and not kept.
    private static let cache = Mutex<[String: CompiledPattern]>([:])
    private static let cacheLimit = 1_000

    /// `NSRegularExpression` is immutable and documented thread-safe.
    private struct CompiledPattern: @unchecked Sendable {
        let regex: NSRegularExpression?
    }

    private static func compiled(_ pattern: String) -> NSRegularExpression? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit.regex }
        let entry = CompiledPattern(regex: try? NSRegularExpression(pattern: pattern))
        cache.withLock { if $0.count < cacheLimit { $0[pattern] = entry } }
        return entry.regex
    }

    static func validFormat(_ text: String, _ format: String) -> Bool {
        switch format {
        case "date-time":
            return matches(text, #"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$"#)
        case "date":
            return matches(text, #"^\d{4}-\d{2}-\d{2}$"#)
        default:
            return true
        }
    }
}
