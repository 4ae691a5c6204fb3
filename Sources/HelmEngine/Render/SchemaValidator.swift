import GoCompat
import StructuredData

/// A JSON Schema validator (drafts 4, 6 and 7 keywords; local `$ref`s) that reports errors in
/// gojsonschema's order and wording (`<field>: <description>`, `(root)` for the top).
struct SchemaValidator {
    let root: JSONValue
    var errors: [String] = []
    private var depth = 0

    init(root: JSONValue) { self.root = root }

    static func field(_ path: [String]) -> String { path.isEmpty ? "(root)" : path.joined(separator: ".") }

    mutating func add(_ path: [String], _ message: String) { errors.append("\(Self.field(path)): \(message)") }

    /// Whether `value` is valid against `schema`, without recording errors.
    func isValid(_ schema: JSONValue, _ value: JSONValue) -> Bool {
        var probe = SchemaValidator(root: root)
        probe.depth = depth
        probe.validate(schema, value, path: [])
        return probe.errors.isEmpty
    }

    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var current = root
        for raw in ref.dropFirst().split(separator: "/") {
            let token = String(raw).replacingAll("~1", with: "/").replacingAll("~0", with: "~")
            if case .array(let items) = current, let i = Int(token), i >= 0, i < items.count { current = items[i]; continue }
            guard let next = current[token] else { return nil }
            current = next
        }
        return current
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double(let d): return d.rounded() == d && d.isFinite ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let i)?: return Double(i)
        case .double(let d)?: return d
        default: return nil
        }
    }

    static func format(_ d: Double) -> String { GoFloat.format(d, "g", precision: 10, bitSize: 64) }

    mutating func validate(_ schema: JSONValue, _ value: JSONValue, path: [String]) {
        guard case .object(let s) = schema else {
            if case .bool(false) = schema { add(path, "False always fails validation") }
            return
        }
        depth += 1
        defer { depth -= 1 }
        guard depth < 64 else { return }
        if let ref = s["$ref"]?.stringValue {
            if let target = resolve(ref) { validate(target, value, path: path) }
            return
        }
        var types: [String] = []
        switch s["type"] {
        case .string(let t)?: types = [t]
        case .array(let items)?: types = items.compactMap(\.stringValue)
        default: break
        }
        if !types.isEmpty {
            let given = Self.typeName(value)
            let ok = types.contains(given) || (given == "integer" && types.contains("number"))
            if !ok {
                let expected = types.count == 1 ? types[0] : "[" + types.joined(separator: ",") + "]"
                add(path, "Invalid type. Expected: \(expected), given: \(given)")
                return
            }
        }
        validateCombinators(s, value, path: path)
        switch value {
        case .array(let items):
            validateArray(s, items, path: path)
            validateCommon(s, value, path: path)
        case .object(let object):
            validateObject(s, object, path: path)
            validateCommon(s, value, path: path)
            if case .object(let properties)? = s["properties"] {
                for (name, sub) in properties {
                    if let child = object[name] { validate(sub, child, path: path + [name]) }
                }
            }
        case .string(let text):
            validateCommon(s, value, path: path)
            validateString(s, text, path: path)
        case .int, .double:
            validateCommon(s, value, path: path)
            if let n = Self.number(value) { validateNumber(s, n, path: path) }
        default:
            validateCommon(s, value, path: path)
        }
    }

    mutating func validateCombinators(_ s: JSONObject, _ value: JSONValue, path: [String]) {
        if case .array(let options)? = s["anyOf"], !options.contains(where: { isValid($0, value) }) {
            add(path, "Must validate at least one schema (anyOf)")
            if let first = options.first { validate(first, value, path: path) }
        }
        if case .array(let options)? = s["oneOf"] {
            let count = options.filter { isValid($0, value) }.count
            if count != 1 {
                add(path, "Must validate one and only one schema (oneOf)")
                if count == 0, let first = options.first { validate(first, value, path: path) }
            }
        }
        if case .array(let options)? = s["allOf"], !options.allSatisfy({ isValid($0, value) }) {
            add(path, "Must validate all the schemas (allOf)")
            for option in options { validate(option, value, path: path) }
        }
        if let not = s["not"], isValid(not, value) { add(path, "Must not validate the schema (not)") }
        if let condition = s["if"] {
            if isValid(condition, value) {
                if let then = s["then"], !isValid(then, value) {
                    add(path, "Must validate \"then\" as \"if\" was valid")
                    validate(then, value, path: path)
                }
            } else if let otherwise = s["else"], !isValid(otherwise, value) {
                add(path, "Must validate \"else\" as \"if\" was not valid")
                validate(otherwise, value, path: path)
            }
        }
    }

    mutating func validateCommon(_ s: JSONObject, _ value: JSONValue, path: [String]) {
        let name = Self.field(path)
        if let constant = s["const"], !Self.equal(constant, value) {
            add(path, "\(name) does not match: \(Self.json(constant))")
        }
        if case .array(let allowed)? = s["enum"], !allowed.contains(where: { Self.equal($0, value) }) {
            add(path, "\(name) must be one of the following: \(allowed.map(Self.json).joined(separator: ", "))")
        }
    }

    mutating func validateObject(_ s: JSONObject, _ object: JSONObject, path: [String]) {
        if let max = Self.number(s["maxProperties"]), Double(object.count) > max {
            add(path, "Must have at most \(Self.format(max)) properties")
        }
        if let min = Self.number(s["minProperties"]), Double(object.count) < min {
            add(path, "Must have at least \(Self.format(min)) properties")
        }
        if case .array(let required)? = s["required"] {
            for case .string(let key) in required where object[key] == nil { add(path, "\(key) is required") }
        }
        if case .object(let dependencies)? = s["dependencies"] {
            for (key, dependency) in dependencies where object[key] != nil {
                if case .array(let names) = dependency {
                    for case .string(let other) in names where object[other] == nil {
                        add(path, "Has a dependency on \(other)")
                    }
                } else {
                    validate(dependency, .object(object), path: path)
                }
            }
        }
        let properties = s["properties"]?.objectValue ?? [:]
        let patterns = s["patternProperties"]?.objectValue ?? [:]
        for key in object.keys.sorted() {
            var matchedPattern = false
            for (pattern, sub) in patterns where Self.matches(pattern, key) {
                matchedPattern = true
                if let child = object[key] { validate(sub, child, path: path + [key]) }
            }
            if properties[key] != nil || matchedPattern { continue }
            switch s["additionalProperties"] {
            case .bool(false)?: add(path, "Additional property \(key) is not allowed")
            case .object(let sub)?: if let child = object[key] { validate(.object(sub), child, path: path + [key]) }
            default: break
            }
        }
        if let names = s["propertyNames"] {
            for key in object.keys.sorted() where !isValid(names, .string(key)) {
                add(path, "Property \"\(key)\" does not match the schema")
            }
        }
    }

    mutating func validateArray(_ s: JSONObject, _ items: [JSONValue], path: [String]) {
        if let min = Self.number(s["minItems"]), Double(items.count) < min {
            add(path, "Array must have at least \(Self.format(min)) items")
        }
        if let max = Self.number(s["maxItems"]), Double(items.count) > max {
            add(path, "Array must have at most \(Self.format(max)) items")
        }
        if case .bool(true)? = s["uniqueItems"] {
            outer: for i in items.indices { for j in items.indices where j > i && Self.equal(items[i], items[j]) {
                add(path, "array items[\(i),\(j)] must be unique"); break outer
            } }
        }
        if let contains = s["contains"], !items.contains(where: { isValid(contains, $0) }) {
            add(path, "At least one of the items must match")
        }
        switch s["items"] {
        case .object?:
            if let itemSchema = s["items"] {
                for (i, item) in items.enumerated() { validate(itemSchema, item, path: path + [String(i)]) }
            }
        case .array(let tuple)?:
            for (i, item) in items.enumerated() {
                if i < tuple.count { validate(tuple[i], item, path: path + [String(i)]) }
                else if case .bool(false)? = s["additionalItems"] { add(path, "No additional items allowed on array"); break }
                else if case .object? = s["additionalItems"], let extra = s["additionalItems"] {
                    validate(extra, item, path: path + [String(i)])
                }
            }
        default: break
        }
    }

    mutating func validateString(_ s: JSONObject, _ text: String, path: [String]) {
        let length = Double(text.unicodeScalars.count)
        if let min = Self.number(s["minLength"]), length < min {
            add(path, "String length must be greater than or equal to \(Self.format(min))")
        }
        if let max = Self.number(s["maxLength"]), length > max {
            add(path, "String length must be less than or equal to \(Self.format(max))")
        }
        if let pattern = s["pattern"]?.stringValue, !Self.matches(pattern, text) {
            add(path, "Does not match pattern '\(pattern)'")
        }
    }

    mutating func validateNumber(_ s: JSONObject, _ n: Double, path: [String]) {
        if let m = Self.number(s["multipleOf"]), m > 0 {
            let q = n / m
            if q.rounded() != q { add(path, "Must be a multiple of \(Self.format(m))") }
        }
        if let max = Self.number(s["maximum"]) {
            if case .bool(true)? = s["exclusiveMaximum"] {
                if n >= max { add(path, "Must be less than \(Self.format(max))") }
            } else if n > max { add(path, "Must be less than or equal to \(Self.format(max))") }
        }
        if let max = Self.number(s["exclusiveMaximum"]), n >= max { add(path, "Must be less than \(Self.format(max))") }
        if let min = Self.number(s["minimum"]) {
            if case .bool(true)? = s["exclusiveMinimum"] {
                if n <= min { add(path, "Must be greater than \(Self.format(min))") }
            } else if n < min { add(path, "Must be greater than or equal to \(Self.format(min))") }
        }
        if let min = Self.number(s["exclusiveMinimum"]), n <= min { add(path, "Must be greater than \(Self.format(min))") }
    }

    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = number(a), let y = number(b) { return x == y }
        switch (a, b) {
        case let (.array(x), .array(y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case let (.object(x), .object(y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        default: return a == b
        }
    }

    static func json(_ value: JSONValue) -> String {
        value.serialized(.compact)
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = try? Regex(pattern) else { return false }
        return text.contains(regex)
    }
}
