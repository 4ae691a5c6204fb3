import StructuredData

/// Structural differences between two JSON values, one line per difference:
/// `<path>: expected <e>, got <a>` (`missing` / `unexpected` for absent members).
enum JSONDiff {
    static func differences(_ expected: JSONValue, _ actual: JSONValue, path: String = "") -> [String] {
        switch (expected, actual) {
        case let (.object(e), .object(a)):
            var out: [String] = []
            for (key, value) in e {
                let child = path.isEmpty ? key : "\(path).\(key)"
                if let other = a[key] { out += differences(value, other, path: child) } else { out.append("\(child): missing, expected \(short(value))") }
            }
            for (key, value) in a where e[key] == nil {
                out.append("\(path.isEmpty ? key : "\(path).\(key)"): unexpected \(short(value))")
            }
            return out
        case let (.array(e), .array(a)) where e.count == a.count:
            return zip(e, a).enumerated().flatMap { differences($0.element.0, $0.element.1, path: "\(path)[\($0.offset)]") }
        default:
            return expected == actual ? [] : ["\(path): expected \(short(expected)), got \(short(actual))"]
        }
    }

    /// The value with every string-valued `description` member removed, at any depth.
    static func withoutDescriptions(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            var out: JSONObject = [:]
            for (key, member) in o {
                if key == "description", case .string = member { continue }
                out[key] = withoutDescriptions(member)
            }
            return .object(out)
        case .array(let a): return .array(a.map(withoutDescriptions))
        default: return value
        }
    }

    private static func short(_ v: JSONValue) -> String {
        let text = v.serialized()
        return text.count > 120 ? String(text.prefix(117)) + "..." : text
    }
}
