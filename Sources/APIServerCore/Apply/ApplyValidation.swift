import StructuredData

/// Checks of an apply configuration against its schema before merging (structured-merge-diff's
/// typed-object creation): associative lists and sets may not hold the same key twice.
enum ApplyValidation {
    /// The first duplicate, as `<path>: duplicate entries for key [name="a"]`; nil when clean.
    static func duplicate(in value: JSONValue, schema: ApplySchema, path: [String] = []) -> String? {
        switch value {
        case .object(let object) where !schema.atomic:
            for (key, child) in object {
                if let found = duplicate(in: child, schema: schema.field(key), path: path + [FieldSet.field(key)]) {
                    return found
                }
            }
        case .array(let items) where schema.list != .atomic:
            var seen = Set<String>()
            for item in items {
                guard let element = schema.itemElement(item) else { continue }
                if !seen.insert(element).inserted {
                    let rendered = FieldSet.render([element])
                    let what = element.hasPrefix("k:") ? "key \(rendered)" : "value \(String(rendered.dropFirst(2).dropLast()))"
                    return "\(FieldSet.render(path)): duplicate entries for \(what)"
                }
                if case .map = schema.list, case .object(let fields) = item {
                    for (key, child) in fields {
                        if let found = duplicate(in: child, schema: schema.element.field(key), path: path + [element, FieldSet.field(key)]) {
                            return found
                        }
                    }
                }
            }
        default:
            break
        }
        return nil
    }
}
