import StructuredData

/// One RFC 6902 operation of a computed diff, with the value it replaces or removes
/// (`wI2L/jsondiff.Operation`).
public struct JSONDiffOperation: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case add, remove, replace, move, copy, test
    }

    public var type: Kind
    /// JSON Pointer text (`/spec/replicas`, `/spec/containers/-`, or `""` for the document).
    public var path: String
    /// The new value (add, replace); `nil` for remove.
    public var value: JSONValue?
    /// The previous value (replace, remove); never serialized.
    public var oldValue: JSONValue?
    /// Bytes of the target value this operation accounts for when rationalizing.
    var valueLength: Int = 0

    public init(type: Kind, path: String, value: JSONValue? = nil, oldValue: JSONValue? = nil) {
        self.type = type
        self.path = path
        self.value = value
        self.oldValue = oldValue
    }

    public static func == (a: JSONDiffOperation, b: JSONDiffOperation) -> Bool {
        a.type == b.type && a.path == b.path && a.value == b.value && a.oldValue == b.oldValue
    }

    /// jsondiff's JSON form: `{"value":…,"op":"…","path":"…"}` (value first, only for add,
    /// replace and test; object keys sorted, as Go marshals the decoded maps).
    public var json: JSONValue {
        var o: JSONObject = [:]
        if carriesValue { o["value"] = Self.sortingKeys(value ?? .null) }
        o["op"] = .string(type.rawValue)
        o["path"] = .string(path)
        return .object(o)
    }

    public var description: String { json.serialized() }

    static func sortingKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members):
            var sorted: JSONObject = [:]
            for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                sorted[key] = sortingKeys(members[key] ?? .null)
            }
            return .object(sorted)
        case .array(let items): return .array(items.map(sortingKeys))
        default: return value
        }
    }

    var carriesValue: Bool { type == .add || type == .replace || type == .test }

    /// `Operation.jsonLength`: the bytes this operation would take in JSON, as jsondiff estimates.
    var jsonLength: Int {
        var length = #"{"op":"","path":""}"#.utf8.count + type.rawValue.utf8.count + path.utf8.count
        if carriesValue { length += #","value":"#.utf8.count + valueLength }
        return length
    }
}

extension Array where Element == JSONDiffOperation {
    /// jsondiff's length of a patch: operations plus separating commas.
    var jsonLength: Int { reduce(0) { $0 + $1.jsonLength } + Swift.max(0, count - 1) }

    /// The patch as a StructuredData `JSONPatch`, to apply it.
    /// - Throws: `.invalidPointer` for a malformed path.
    public func jsonPatch() throws(StructuredDataError) -> JSONPatch {
        var ops: [JSONPatch.Operation] = []
        for op in self {
            let path = try JSONPointer(op.path)
            switch op.type {
            case .add: ops.append(.add(path: path, value: op.value ?? .null))
            case .remove: ops.append(.remove(path: path))
            case .replace: ops.append(.replace(path: path, value: op.value ?? .null))
            case .test: ops.append(.test(path: path, value: op.value ?? .null))
            case .move, .copy:
                throw StructuredDataError(.unsupported, "jsondiff does not produce \(op.type.rawValue) operations here")
            }
        }
        return JSONPatch(ops)
    }

    /// The patch as JSON (an array of operation objects).
    public var json: JSONValue { .array(map(\.json)) }
}

/// `wI2L/jsondiff.Compare` (the revision fluxcd/pkg/ssa v0.36 pins): an RFC 6902 patch from
/// `source` to `target`. Objects are compared key by key in sorted order (removals, additions and
/// recursive changes interleaved by key); arrays index by index, trailing removals all at the
/// first surplus index, additions appended with `-`; values of different JSON types and changed
/// scalars are replaced. Numbers compare by value (`1` equals `1.0`).
///
/// With `rationalize`, the operations produced under one object or array are replaced by a
/// single `replace` of that node whenever jsondiff's byte estimate of the replace is smaller.
public enum JSONDiff {
    public static func compare(_ source: JSONValue, _ target: JSONValue, rationalize: Bool = false) -> [JSONDiffOperation] {
        var differ = Differ(rationalize: rationalize)
        differ.diff(JSONPointer(tokens: []), source, target)
        return differ.patch
    }

    struct Differ {
        let rationalize: Bool
        var patch: [JSONDiffOperation] = []

        /// Length of the compact JSON of `value` as Go's `json.Marshal` writes it.
        func length(_ value: JSONValue) -> Int {
            rationalize ? value.serializedBytes(.goMap).count : 0
        }

        static func kind(_ v: JSONValue) -> Int {
            switch v {
            case .null: return 0
            case .string: return 1
            case .bool: return 2
            case .int, .double: return 3
            case .array: return 4
            case .object: return 5
            }
        }

        mutating func diff(_ ptr: JSONPointer, _ src: JSONValue, _ tgt: JSONValue) {
            guard Self.kind(src) == Self.kind(tgt) else {
                if ptr.isRoot {
                    patch.append(JSONDiffOperation(type: .add, path: "", value: tgt, oldValue: src))
                } else {
                    replace(ptr, src, tgt)
                }
                return
            }
            if src.isEqualAsJSON(to: tgt) { return }
            let size = patch.count
            switch (src, tgt) {
            case let (.array(a), .array(b)): compareArrays(ptr, a, b)
            case let (.object(a), .object(b)): compareObjects(ptr, a, b)
            default:
                replace(ptr, src, tgt)
                return
            }
            if rationalize && patch.count > size { rationalizeOperations(ptr, src, tgt, from: size) }
        }

        mutating func replace(_ ptr: JSONPointer, _ src: JSONValue, _ tgt: JSONValue) {
            var op = JSONDiffOperation(type: .replace, path: ptr.description, value: tgt, oldValue: src)
            op.valueLength = length(tgt)
            patch.append(op)
        }

        mutating func rationalizeOperations(_ ptr: JSONPointer, _ src: JSONValue, _ tgt: JSONValue, from start: Int) {
            var single = JSONDiffOperation(type: .replace, path: ptr.description, value: tgt, oldValue: src)
            single.valueLength = length(tgt)
            if Array(patch[start...]).jsonLength > single.jsonLength {
                patch.removeSubrange(start...)
                patch.append(single)
            }
        }

        mutating func compareObjects(_ ptr: JSONPointer, _ src: JSONObject, _ tgt: JSONObject) {
            var keys = Set(src.keys)
            keys.formUnion(tgt.keys)
            for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let child = ptr.appending(key)
                switch (src[key], tgt[key]) {
                case let (a?, b?): diff(child, a, b)
                case let (a?, nil): patch.append(JSONDiffOperation(type: .remove, path: child.description, oldValue: a))
                case let (nil, b?): patch.append(JSONDiffOperation(type: .add, path: child.description, value: b))
                case (nil, nil): break
                }
            }
        }

        mutating func compareArrays(_ ptr: JSONPointer, _ src: [JSONValue], _ tgt: [JSONValue]) {
            let common = Swift.min(src.count, tgt.count)
            if tgt.count < src.count {
                let at = ptr.appending(String(common)).description
                for i in common..<src.count {
                    patch.append(JSONDiffOperation(type: .remove, path: at, oldValue: src[i]))
                }
            }
            for i in 0..<common { diff(ptr.appending(String(i)), src[i], tgt[i]) }
            if tgt.count > src.count {
                let at = ptr.appending("-").description
                for i in common..<tgt.count {
                    patch.append(JSONDiffOperation(type: .add, path: at, value: tgt[i]))
                }
            }
        }
    }
}
