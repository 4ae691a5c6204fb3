import Foundation
import StructuredData

/// The JSONPath subset CRD `additionalPrinterColumns` use (`.status.replicas`,
/// `.spec.items[0].name`, `.items[*].name`, `.status.conditions[?(@.type=="Ready")].status`,
/// `['dotted.key']`): evaluated on an object, returning every match in order.
struct PrinterColumnPath: Sendable {
    enum Step: Sendable {
        case field(String)
        case index(Int)
        case all
        case filter(path: [String], op: String, value: String)
    }

    var steps: [Step] = []

    /// Parses a path; nil when it is outside the supported subset.
    init?(_ text: String) {
        var rest = Substring(text.hasPrefix("{") && text.hasSuffix("}") ? String(text.dropFirst().dropLast()) : text)
        if rest.hasPrefix("$") { rest = rest.dropFirst() }
        while !rest.isEmpty {
            if rest.hasPrefix(".") {
                rest = rest.dropFirst()
                let name = rest.prefix { $0 != "." && $0 != "[" }
                guard !name.isEmpty else { return nil }
                steps.append(.field(String(name)))
                rest = rest.dropFirst(name.count)
            } else if rest.hasPrefix("[") {
                guard let close = Self.closingBracket(rest) else { return nil }
                let inner = rest[rest.index(after: rest.startIndex)..<close].trimmingCharacters(in: .whitespaces)
                rest = rest[rest.index(after: close)...]
                if inner == "*" {
                    steps.append(.all)
                } else if let i = Int(inner) {
                    steps.append(.index(i))
                } else if (inner.hasPrefix("'") && inner.hasSuffix("'")) || (inner.hasPrefix("\"") && inner.hasSuffix("\"")), inner.count >= 2 {
                    steps.append(.field(String(inner.dropFirst().dropLast())))
                } else if inner.hasPrefix("?(@.") && inner.hasSuffix(")") {
                    let body = inner.dropFirst(4).dropLast()
                    let op = body.contains("!=") ? "!=" : "=="
                    let parts = body.components(separatedBy: op)
                    guard parts.count == 2 else { return nil }
                    var value = parts[1].trimmingCharacters(in: .whitespaces)
                    if value.count >= 2, value.first == "\"" || value.first == "'" { value = String(value.dropFirst().dropLast()) }
                    steps.append(.filter(path: parts[0].trimmingCharacters(in: .whitespaces).split(separator: ".").map(String.init),
                                         op: op, value: value))
                } else {
                    return nil
                }
            } else {
                return nil
            }
        }
    }

    static func closingBracket(_ s: Substring) -> Substring.Index? {
        var quote: Character?
        var i = s.index(after: s.startIndex)
        while i < s.endIndex {
            let c = s[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "]" {
                return i
            }
            i = s.index(after: i)
        }
        return nil
    }

    /// Every value the path selects in `object`.
    func evaluate(_ object: JSONValue) -> [JSONValue] {
        var current = [object]
        for step in steps {
            var next: [JSONValue] = []
            for value in current {
                switch step {
                case .field(let name):
                    if let v = value[name] { next.append(v) }
                case .index(let i):
                    if let a = value.arrayValue {
                        let j = i < 0 ? a.count + i : i
                        if j >= 0 && j < a.count { next.append(a[j]) }
                    }
                case .all:
                    if let a = value.arrayValue { next += a } else if let o = value.objectValue { next += Array(o.values) }
                case .filter(let path, let op, let wanted):
                    for item in value.arrayValue ?? [] {
                        var v: JSONValue? = item
                        for key in path { v = v?[key] }
                        let text = v.map(Self.text) ?? ""
                        if (op == "==") == (v != nil && text == wanted) { next.append(item) }
                    }
                }
            }
            current = next
        }
        return current
    }

    /// Go's `fmt.Fprint` of a decoded JSON value, for string columns.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null: return "<nil>"
        default: return value.serialized()
        }
    }
}
