import GoCompat
import KubeModel
import StructuredData

/// Field access with apimachinery's `unstructured.Nested*` semantics: a missing field is "not
/// found"; a field of the wrong type (or a path through a non-object) is an error whose text is
/// apimachinery's `… accessor error: … is of the type …, expected …`.
enum StatusFields {
    /// `NestedFieldNoCopy`: the value at `path`, `nil` when absent.
    static func nested(_ object: JSONValue, _ path: [String]) throws(KStatusError) -> JSONValue? {
        var current: JSONValue = object
        for (i, field) in path.enumerated() {
            if current.isNull { return nil }
            guard case .object(let members) = current else {
                throw accessorError(Array(path.prefix(i + 1)), current, expected: "map[string]interface{}")
            }
            guard let next = members[field] else { return nil }
            current = next
        }
        return current
    }

    /// `NestedString`: the string at `path`; `nil` when absent; an error when not a string.
    static func nestedString(_ object: JSONValue, _ path: [String]) throws(KStatusError) -> String? {
        guard let value = try nested(object, path) else { return nil }
        guard case .string(let s) = value else { throw accessorError(path, value, expected: "string") }
        return s
    }

    /// `NestedInt64`: the integer at `path`; `nil` when absent; an error when not an integer.
    static func nestedInt(_ object: JSONValue, _ path: [String]) throws(KStatusError) -> Int64? {
        guard let value = try nested(object, path) else { return nil }
        guard case .int(let i) = value else { throw accessorError(path, value, expected: "int64") }
        return i
    }

    /// cli-utils `GetIntField`: the integer at a dotted path (leading dot allowed), `defaultValue`
    /// when absent, not an integer, or unreachable.
    static func int(_ object: JSONValue, _ dotted: String, _ defaultValue: Int64) -> Int64 {
        guard case .int(let i)? = try? nested(object, split(dotted)) else { return defaultValue }
        return i
    }

    /// cli-utils `GetStringField`: the string at a dotted path, `defaultValue` otherwise.
    static func string(_ object: JSONValue, _ dotted: String, _ defaultValue: String) -> String {
        guard case .string(let s)? = try? nested(object, split(dotted)) else { return defaultValue }
        return s
    }

    private static func split(_ dotted: String) -> [String] {
        var fields = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if fields.first == "" { fields.removeFirst() }
        return fields
    }

    /// `GetObjectWithConditions`: `status.conditions` decoded as `BasicCondition`s (type, status,
    /// reason, message). Absent or null lists are empty; wrongly typed members are errors, as the
    /// unstructured converter reports them.
    static func conditions(_ object: JSONValue) throws(KStatusError) -> [BasicCondition] {
        guard let status = object["status"], !status.isNull else { return [] }
        guard case .object(let members) = status else {
            throw KStatusError("cannot convert status of type \(goType(status)) into ObjWithConditions.Status")
        }
        guard let list = members["conditions"], !list.isNull else { return [] }
        guard case .array(let items) = list else {
            throw KStatusError("cannot convert status.conditions of type \(goType(list)) into []BasicCondition")
        }
        var result: [BasicCondition] = []
        for (index, item) in items.enumerated() {
            if item.isNull {
                result.append(BasicCondition())
                continue
            }
            guard case .object(let c) = item else {
                throw KStatusError("cannot convert status.conditions[\(index)] of type \(goType(item)) into BasicCondition")
            }
            var fields: [String: String] = [:]
            for key in ["type", "status", "reason", "message"] {
                guard let value = c[key], !value.isNull else { continue }
                guard case .string(let s) = value else {
                    throw KStatusError("cannot convert status.conditions[\(index)].\(key) of type \(goType(value)) into string")
                }
                fields[key] = s
            }
            result.append(BasicCondition(type: fields["type"] ?? "", status: fields["status"] ?? "",
                                         reason: fields["reason"] ?? "", message: fields["message"] ?? ""))
        }
        return result
    }

    static func accessorError(_ path: [String], _ value: JSONValue, expected: String) -> KStatusError {
        KStatusError(".\(path.joined(separator: ".")) accessor error: \(goValue(value)) is of the type \(goType(value)), expected \(expected)")
    }

    /// Go's `%T` of a decoded JSON value.
    static func goType(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool: return "bool"
        case .int: return "int64"
        case .double: return "float64"
        case .string: return "string"
        case .array: return "[]interface {}"
        case .object: return "map[string]interface {}"
        }
    }

    /// Go's `%v` of a decoded JSON value (maps print with sorted keys).
    static func goValue(_ value: JSONValue) -> String {
        switch value {
        case .null: return "<nil>"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return GoFloat.format(d, "g")
        case .string(let s): return s
        case .array(let items): return "[" + items.map(goValue).joined(separator: " ") + "]"
        case .object(let members):
            return "map[" + members.keys.sorted().map { "\($0):\(goValue(members[$0] ?? .null))" }.joined(separator: " ") + "]"
        }
    }
}

/// cli-utils `BasicCondition`: a condition as read from any object; `status` is the raw string.
struct BasicCondition: Equatable {
    var type = ""
    var status = ""
    var reason = ""
    var message = ""

    func `is`(_ type: String, _ status: ConditionStatus) -> Bool {
        self.type == type && self.status == status.rawValue
    }
}

extension Array where Element == BasicCondition {
    /// `getConditionWithStatus`: the first condition of `type` with exactly `status`.
    func first(_ type: String, _ status: ConditionStatus) -> BasicCondition? {
        first { $0.is(type, status) }
    }
}
